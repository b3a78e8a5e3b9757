import { Link, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    maxWidth: '720px',
    margin: '0 auto',
    padding: '40px 24px 64px',
    color: tokens.colorNeutralForeground1,
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase300,
  },
  footer: {
    marginTop: '32px',
    paddingTop: '12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    gap: '16px',
  },
});

/** A plain page of text (privacy, terms, "open in Teams"), with links to the other two. */
export function InfoPage({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title2 as="h1">{title}</Title2>
      {children}
      <nav className={styles.footer} aria-label="About MARAC">
        <Link href="/privacy">Privacy</Link>
        <Link href="/terms">Terms of use</Link>
      </nav>
    </main>
  );
}
