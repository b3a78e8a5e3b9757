import { Button, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { AppLink } from './AppLink.js';
import { PAGE_LAYOUT } from './page-layout.js';

const useStyles = makeStyles({ top: PAGE_LAYOUT.top, grow: PAGE_LAYOUT.grow });

/**
 * The top row of a page opened from the area or a meeting: the way back, the page's own links,
 * and (right) who is signed in and the sign-out, when the page is given them.
 */
export function PageTop(props: {
  /** Where "Back to meetings" goes: the area's meetings, or the first area. */
  back?: string;
  /** Links beside the way back. */
  links?: ReactNode;
  /** Beside the sign-out (the signed-in name). */
  aside?: ReactNode;
  onSignOut?: () => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.top}>
      <AppLink href={props.back ?? '/'}>Back to meetings</AppLink>
      {props.links}
      <span className={styles.grow} />
      {props.aside}
      {props.onSignOut && <Button onClick={props.onSignOut}>Sign out</Button>}
    </div>
  );
}
