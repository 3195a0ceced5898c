/**
 * The code editor: CodeMirror 6, loaded on demand (its modules are a separate chunk, fetched when a code
 * challenge opens), themed from the page's CSS variables so the light and dark themes both work.
 *
 * Keyboard: Tab is not captured, so it moves focus out of the editor as anywhere else on the page
 * (indent with Ctrl+] and outdent with Ctrl+[ , or Cmd on a Mac); Escape does nothing special.
 */

export interface EditorHandle {
  /** Replaces the whole text (not reported through onChange). */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  text: string;
  /** The editor's accessible name. */
  label: string;
  /** Ids of elements that describe it (the signature and the keyboard note). */
  describedBy: string;
  onChange: (text: string) => void;
}

/** Loads CodeMirror and mounts an editor in `parent`. Rejects when the modules cannot load (the caller falls back to a text area). */
export async function mountEditor(parent: HTMLElement, options: EditorOptions): Promise<EditorHandle> {
  const [{ minimalSetup }, { EditorView, lineNumbers, keymap }, { EditorState }, { javascript }, language, { tags }, { indentMore, indentLess }] = await Promise.all([
    import('codemirror'),
    import('@codemirror/view'),
    import('@codemirror/state'),
    import('@codemirror/lang-javascript'),
    import('@codemirror/language'),
    import('@lezer/highlight'),
    import('@codemirror/commands'),
  ]);

  const theme = EditorView.theme({
    '&': {
      color: 'var(--text)',
      backgroundColor: 'var(--surface)',
      border: '1px solid var(--border)',
      borderRadius: '6px',
      fontSize: '0.9rem',
    },
    '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
    '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', minHeight: '14rem', maxHeight: '32rem' },
    '.cm-content': { caretColor: 'var(--text)' },
    '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)', borderRadius: '6px 0 0 6px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
      backgroundColor: 'color-mix(in srgb, var(--focus) 28%, transparent)',
    },
    '.cm-matchingBracket': { outline: '1px solid var(--muted)', backgroundColor: 'transparent' },
  });
  const highlight = language.HighlightStyle.define([
    { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--accent)', fontWeight: '600' },
    { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--tone-used)' },
    { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--tone-waiting)' },
    { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
    { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.definition(tags.propertyName)], color: 'var(--focus)' },
    { tag: tags.invalid, textDecoration: 'underline wavy', textDecorationColor: 'var(--danger-border)' },
  ]);

  let isSetting = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        minimalSetup,
        lineNumbers(),
        language.bracketMatching(),
        language.indentOnInput(),
        language.syntaxHighlighting(highlight),
        javascript(),
        keymap.of([
          { key: 'Mod-]', run: indentMore },
          { key: 'Mod-[', run: indentLess },
        ]),
        EditorState.tabSize.of(2),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-describedby': options.describedBy, 'data-testid': 'code-editor' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !isSetting) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    setText(text: string) {
      if (view.state.doc.toString() === text) return;
      isSetting = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      isSetting = false;
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
