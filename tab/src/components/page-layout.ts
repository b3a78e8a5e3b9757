/** Below this width the page is a side panel or a phone: less padding. */
export const NARROW = '@media (max-width: 640px)';

/**
 * The frame of a page opened from a meeting (its agenda, its research): a centred column, and a
 * top row with the way back and the sign-out. For `makeStyles({ ...PAGE_LAYOUT, ... })`.
 */
export const PAGE_LAYOUT = {
  page: {
    maxWidth: '1120px',
    margin: '0 auto',
    padding: '16px 24px 48px',
    [NARROW]: { padding: '8px 8px 48px' },
  },
  top: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap' as const,
    gap: '8px 16px',
    marginBottom: '8px',
  },
  grow: { flexGrow: 1 },
};
