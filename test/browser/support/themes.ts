/**
 * The themes and widths a feature's own browser test checks its screens in: each Teams theme once,
 * and both the meeting side panel (320 px) and full width. Every screen in the default theme at
 * both widths is also checked, as every role, by screens-side-panel and screens-full-width.
 */
export const THEMES_AND_WIDTHS: readonly (readonly ['default' | 'dark' | 'contrast', number])[] = [
  ['default', 320],
  ['dark', 1366],
  ['contrast', 320],
];
