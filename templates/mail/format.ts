/** How mails write money; dates and times come from ../taipei-time.ts. */
export const twd = (amount: number) => `NT$${amount.toLocaleString('en-US')}`;

export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}
