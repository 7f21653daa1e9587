/**
 * Text colours that keep WCAG AA contrast (≥ 4.5:1) on white and on the light backgrounds of the theme, where the
 * theme's own shades do not: what is done or succeeded, what is refused, what is neutral.
 */
export const TEXT_COLORS = {
  success: '#1e6b30',
  refused: '#a51d1d',
  neutral: '#343a40',
} as const;
