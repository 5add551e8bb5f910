/** How mails write dates and money: Taiwan time for people, with the UTC instant beside it. */
export function taipeiTime(iso: string): string {
  const date = new Date(iso);
  const local = new Intl.DateTimeFormat('zh-TW', {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${local}（臺北時間 / Taipei time; ${date.toISOString().replace('.000Z', 'Z')}）`;
}

export const twd = (amount: number) => `NT$${amount.toLocaleString('en-US')}`;

export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}
