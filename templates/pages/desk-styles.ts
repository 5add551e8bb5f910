/** The CSS of the agency's desks (dashboard, licenses, datasets) beyond the public pages' own. A constant. */
import { PUBLIC_STYLES } from './styles.ts';

export const DESK_STYLES = `${PUBLIC_STYLES}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.list{width:100%;border-collapse:collapse}
table.list th,table.list td{text-align:left;padding:6px 8px;border-bottom:1px solid #d0d5dd;vertical-align:top}
article.request{border:1px solid #d0d5dd;border-radius:6px;padding:4px 16px 12px;margin:14px 0}
.agenda section{border-left:4px solid #12355b;padding:0 0 0 12px;margin:16px 0}
.agenda h3{margin:0 0 4px}
button.warning{background:#a4262c}
@media (max-width:600px){table.list thead{display:none}table.list td{display:block;border:0;padding:2px 0}table.list tr{display:block;border-bottom:1px solid #d0d5dd;padding:8px 0}}
`;
