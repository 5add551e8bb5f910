/** A mail as the templates render it; money comes from ../format.ts, dates and times from ../taipei-time.ts. */
export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}
