import { makeStyles } from '@fluentui/react-components';

export const useProtocolFormStyles = makeStyles({
  form: { marginTop: '16px', display: 'grid', gap: '16px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: '12px 16px',
    alignItems: 'start',
  },
  select: { minWidth: 0, width: '100%' },
  legend: { fontWeight: 600, padding: 0, marginBottom: '8px' },
  fieldset: { border: 'none', margin: 0, padding: 0 },
  buttons: { display: 'flex', gap: '8px' },
});
