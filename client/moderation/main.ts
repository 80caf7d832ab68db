// The moderation island: keyboard shortcuts on the queue (j/k move, x select, a approve, r reject,
// f feature — the same bulk form a mouse uses) and queue counts refreshed every 15 s for every moderator.
// Without it the page works the same, by clicking; it never renders comments itself.

const items = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>('.nr-queue-item'));
let current = -1;

function focusItem(i: number): void {
  const list = items();
  if (list.length === 0) return;
  current = Math.max(0, Math.min(list.length - 1, i));
  const el = list[current]!;
  for (const other of list) other.classList.toggle('nr-queue-item--current', other === el);
  el.focus();
  el.scrollIntoView({ block: 'nearest' });
}

function submitAction(action: string): void {
  const form = document.getElementById('moderation-form') as HTMLFormElement | null;
  if (!form) return;
  const checked = form.querySelectorAll<HTMLInputElement>('input[name="ids"]:checked');
  // Nothing ticked: act on the focused comment.
  if (checked.length === 0 && current >= 0) {
    const box = items()[current]?.querySelector<HTMLInputElement>('input[name="ids"]');
    if (box) box.checked = true;
  }
  const button = form.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (button) form.requestSubmit(button);
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  switch (event.key) {
    case 'j':
      focusItem(current + 1);
      break;
    case 'k':
      focusItem(current - 1);
      break;
    case 'x': {
      const box = items()[current]?.querySelector<HTMLInputElement>('input[name="ids"]');
      if (box) box.checked = !box.checked;
      break;
    }
    case 'a':
      submitAction('approve');
      break;
    case 'r':
      submitAction('reject');
      break;
    case 'f':
      submitAction('feature');
      break;
    default:
      return;
  }
  event.preventDefault();
});

const tabs = document.querySelector<HTMLElement>('[data-moderation-counts]');
if (tabs) {
  const url = tabs.dataset['moderationCounts']!;
  // Keep the digits the server chose (Western or Arabic-Indic).
  const arabicDigits = /[\u0660-\u0669]/.test(tabs.textContent ?? '');
  const digits = new Intl.NumberFormat(arabicDigits ? 'ar-u-nu-arab' : 'en-u-nu-latn');
  const refresh = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const counts = (await res.json()) as Record<string, number>;
      for (const el of tabs.querySelectorAll<HTMLElement>('[data-queue]')) {
        const n = counts[el.dataset['queue'] ?? ''];
        if (typeof n === 'number') el.textContent = digits.format(n);
      }
    } catch {
      // Offline for a moment: the next round will catch up.
    }
  };
  setInterval(() => void refresh(), 15_000);
}
