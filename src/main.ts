import { mount } from 'svelte';
import App from './App.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = mount(App, { target });
// Tests wait for this mark before they act (the way SvelteKit's test setup does).
document.body.classList.add('started');

export default app;
