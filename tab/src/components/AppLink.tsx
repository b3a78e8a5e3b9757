import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routes.js';

/**
 * A link to another page of the tab: a real link (it can be opened in a new window, and screen
 * readers call it one) that, clicked plainly, changes the page without loading it again.
 */
export function AppLink(props: { href: string; children: ReactNode; 'aria-label'?: string }) {
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(props.href);
  };
  return (
    <Link href={props.href} onClick={follow} aria-label={props['aria-label']}>
      {props.children}
    </Link>
  );
}
