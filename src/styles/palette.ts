/**
 * Colours handed to components as props (icon colours, chart series, the tab bar), named as in
 * src/styles/_palette.scss (`$text-help` here is `textHelp`).
 *
 * The two files must match: test/styles/palette.test.ts reads the scss and fails when a colour here
 * differs from its variable or has none. Add a colour to the scss first, then here.
 */
export const palette = {
  brand: '#07c160',
  brandTint: '#e7f8ef',
  lightGreen: '#07c160',
  lightYellow: '#ffb300',
  lightRed: '#fa5151',
  greenText: '#06a35a',
  chartBlue: '#1677ff',
  textBody: '#5c6068',
  textHelp: '#8a8f99',
  textFaint: '#b4b8bf',
  // Six digits, as these props were written before: canvas and native bars get the same string.
  white: '#ffffff',
  bgPage: '#f5f6f7',
  borderLine: '#eceef1',
  borderStrong: '#e5e6eb',
} as const
