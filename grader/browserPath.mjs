// In the repo: the e2e tests' browser resolution, reused. An exported pack gets a copy of
// e2e/support/browserPath.mjs in this file's place.
export * from '../e2e/support/browserPath.mjs';
