import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type MouseEvent } from 'react';
import type { Problem } from './check-referral.js';
import { fieldDomId } from './field-names.js';

const useStyles = makeStyles({
  box: {
    border: `4px solid ${tokens.colorPaletteRedBorder2}`,
    padding: '12px 16px',
    margin: '0 0 16px',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus': { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '0' },
    overflowWrap: 'anywhere',
  },
  title: { margin: '0 0 8px', fontSize: tokens.fontSizeBase500, fontWeight: 600 },
  list: { margin: 0, paddingLeft: '20px' },
  link: { color: tokens.colorPaletteRedForeground3, fontWeight: 600 },
});

/** The field's own control: the one a person would type in or choose with. */
function controlOf(path: string): HTMLElement | null {
  // A problem with a part of a field the form does not show alone goes to the nearest field.
  for (let p = path; p !== ''; p = p.replace(/\.?[^.]*$/, '')) {
    const wrapper = document.getElementById(fieldDomId(p));
    const control = wrapper?.querySelector<HTMLElement>(
      'input:checked, input:not([type=hidden]), select, textarea',
    );
    if (control) return control;
  }
  return null;
}

/**
 * The GOV.UK Design System's error summary: "There is a problem", a link to each field at fault,
 * focus moved here when it appears so a screen reader reads it at once.
 */
export function ErrorSummary({
  problems,
  attempt,
  titleId = 'error-summary-title',
}: {
  problems: Problem[];
  attempt: number;
  /** Needed where a page holds several forms, each with its own summary (research cases). */
  titleId?: string;
}) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
    // Every failed attempt moves focus here again, even with the same problems.
  }, [attempt]);
  if (problems.length === 0) return null;

  const go = (event: MouseEvent, path: string) => {
    const control = controlOf(path);
    if (!control) return;
    event.preventDefault();
    control.focus();
    document.getElementById(fieldDomId(path))?.scrollIntoView({ block: 'center' });
  };
  return (
    <div
      ref={box}
      className={styles.box}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      data-testid="error-summary"
    >
      <h2 id={titleId} className={styles.title}>
        There is a problem
      </h2>
      <ul className={styles.list}>
        {problems.map((p) => (
          <li key={p.path}>
            <a
              className={styles.link}
              href={`#${fieldDomId(p.path)}`}
              onClick={(e) => go(e, p.path)}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
