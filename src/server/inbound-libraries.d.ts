/** The one function of html-to-text (its published types are for 9.x) that inbound mail uses. */
declare module 'html-to-text' {
  export function convert(
    html: string,
    options?: {
      wordwrap?: number | false;
      selectors?: { selector: string; format?: string; options?: Record<string, unknown> }[];
    },
  ): string;
}
