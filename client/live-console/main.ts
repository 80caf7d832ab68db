// The live console's island: Ctrl+Enter (⌘+Enter) in an entry's text posts the form, so a correspondent
// never leaves the keyboard. The forms work without it.
for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-submit-shortcut]')) {
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      area.form?.requestSubmit();
    }
  });
}
