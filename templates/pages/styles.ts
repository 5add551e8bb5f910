/**
 * The CSS of content pages beyond the frame's own: headings, fact lists, tables of money, notices,
 * forms with radio choices and hints, and a visible focus ring. A constant, never built from input.
 */
export const CONTENT_STYLES = `
h2{font-size:1.15rem;color:#12355b;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid #12355b}
h3{font-size:1rem;margin:22px 0 6px}
.lead{font-size:1.05rem;margin-top:0}
.facts{display:grid;grid-template-columns:minmax(10em,max-content) 1fr;gap:6px 18px;margin:8px 0}
.facts dt{font-weight:600;color:#33404f}
.facts dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
@media (max-width:600px){
.facts{grid-template-columns:1fr;gap:2px}
main .status,main .tag{white-space:normal}
.facts dd{margin-bottom:10px}
.scroll::before{content:"← 左右捲動看完整表格 Scroll sideways for the whole table →";display:block;font-size:.85em;color:#4a5563;position:sticky;left:0}
}
caption{text-align:left;font-weight:600;padding:2px 0 6px;caption-side:top}
.nowrap{white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th .en,td .en{display:block;font-weight:400}
.muted{color:#4a5563;font-size:.92em}
.prewrap{white-space:pre-wrap}
.tag{display:inline-block;font-size:.78em;line-height:1.5;padding:0 6px;border-radius:3px;background:#e3ecf6;color:#12355b;white-space:nowrap}
.item{border-top:1px solid #d0d5dd;margin-top:18px}
.note{margin:6px 0 0;padding:8px 12px;background:#fff8e6;border-left:4px solid #b7791f}
.deadline{font-weight:700}
.links li{margin:4px 0}
.trail{list-style:none;padding:0}
fieldset{border:1px solid #d0d5dd;border-radius:6px;padding:6px 16px 16px;margin:16px 0}
fieldset.invalid{border-color:#a4262c;border-width:2px}
legend{font-weight:700;padding:0 6px}
.choice{display:flex;gap:12px;align-items:flex-start;border:1px solid #d0d5dd;border-radius:6px;padding:10px 14px;margin-top:10px}
.choice:has(input:checked){border-color:#12355b;background:#eef3f9;box-shadow:inset 4px 0 0 #12355b}
.choice input{flex:none;width:1.2em;height:1.2em;margin:.3em 0 0;accent-color:#12355b}
.choice label{margin:0;font-weight:400;cursor:pointer}
.choice label strong{display:block;font-size:1.05rem}
.hint{color:#4a5563;font-size:.92em;margin:2px 0 8px}
textarea{min-height:8em}
textarea[aria-invalid=true]{border:2px solid #a4262c}
.actions{margin-top:20px;display:flex;flex-wrap:wrap;gap:12px;align-items:center}
:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
button{font-family:inherit;font-weight:600}
`;

/** What the public pages add: form fields with their errors, comment threads, lists of cases. */
export const PUBLIC_STYLES = `${CONTENT_STYLES}
.error-summary{border:3px solid #a4262c;background:#fff;padding:12px 18px;margin:8px 0 20px}
.error-summary h2{color:#a4262c;border:0;margin:0 0 6px;padding:0;font-size:1.1rem}
.error-summary a{color:#a4262c;font-weight:600}
.field{margin-top:16px}
.field label{margin-top:0}
.field .hint{margin:2px 0 6px}
.field-error{color:#a4262c;font-weight:600;margin:4px 0}
input[aria-invalid=true],select[aria-invalid=true],textarea[aria-invalid=true]{border:2px solid #a4262c}
.optional{font-weight:400;color:#4a5563;font-size:.9em}
.status{display:inline-block;padding:1px 10px;border-radius:12px;background:#e3ecf6;color:#12355b;font-weight:600;font-size:.9em;white-space:nowrap}
.status.open{background:#e2f2e6;color:#185f29}
.comment{border:1px solid #d0d5dd;border-radius:6px;padding:12px 16px;margin:14px 0}
.comment header,.comment .meta{background:none;color:#4a5563;padding:0;font-size:.9em}
.comment blockquote{margin:8px 0;white-space:pre-wrap}
.reply{margin:10px 0 0;padding:8px 12px;background:#f3f6fa;border-left:4px solid #12355b}
.reply.pending{border-left-color:#8a94a6;color:#4a5563}
.case{border-top:1px solid #d0d5dd;padding:12px 0}
.case h3{margin:0 0 4px}
.statement{white-space:pre-wrap;background:#f7f8fa;border:1px solid #d0d5dd;border-radius:4px;padding:12px;font-size:.95em}
a{color:#0b4f8a}
a.button{display:inline-block;background:#12355b;color:#fff;text-decoration:none;padding:10px 20px;border-radius:4px;font-weight:600}
a.button.secondary{background:#fff;color:#12355b;border:2px solid #12355b;padding:8px 18px}
`;
