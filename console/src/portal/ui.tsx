// The portal's own pieces beside the console's (src/ui.tsx): its page heading and its copy button.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasNavigated } from '../router';

export function PortalHeader(props: { title: string; intro?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Partner portal`;
    // After a move to another page the heading takes the focus, so screen readers announce it and Tab starts there.
    if (hasNavigated()) heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <header class="page-header">
      <div>
        <h1 tabIndex={-1} ref={heading}>
          {props.title}
        </h1>
        {props.intro && <p class="muted">{props.intro}</p>}
      </div>
    </header>
  );
}

/** Copies `text` to the clipboard and says so where screen readers hear it; says what to do when it cannot. */
export function CopyButton(props: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  return (
    <span class="copy">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.text);
            setSaid('Copied.');
          } catch {
            setSaid('Could not copy: select the text and copy it yourself.');
          }
        }}
      >
        {props.label}
      </button>
      <span role="status" aria-live="polite" class="notice" data-testid="copy-status">
        {said}
      </span>
    </span>
  );
}

/** The "view as" banner: the practice sees what the partner sees and can change nothing. */
export function ReadOnlyBanner(props: { name: string }) {
  return (
    <div class="read-only" role="note" aria-label="Read-only view">
      <strong>Read-only view.</strong> You are seeing the portal as {props.name || 'this partner'} sees it. Nothing can
      be changed from here.
    </div>
  );
}
