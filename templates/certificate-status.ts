/**
 * What a certificate's status means for the grant, which differs between an OGDL grant
 * (irrevocable: a marked record does not withdraw it) and an individual grant of data on
 * application. The verify page, the license page and the revocation mail all say it the same way,
 * from here; the status and reason words themselves are in labels.ts.
 */
import type { CertificateStatus, RevocationReason } from '#domain/license';
import { REVOCATION_REASON_LABELS, type Label } from './labels.ts';

export interface CertificateStanding {
  status: CertificateStatus;
  /** The class the grant was made under: OPEN is an OGDL grant. */
  classification: 'OPEN' | 'ON_APPLICATION';
  reason?: RevocationReason;
}

/** What the status means for the grant itself, and the tone a page shows it in. */
export function certificateStatusMeaning(standing: CertificateStanding): {
  text: Label;
  tone: 'ok' | 'warn';
} {
  const ogdl = standing.classification === 'OPEN';
  if (standing.status === 'VALID') {
    return ogdl
      ? {
          tone: 'ok',
          text: {
            zh: '本證書有效。依政府資料開放授權條款所為之授權不可撤回，期間永久。',
            en: 'This certificate is valid. A grant under the Open Government Data License is irrevocable and perpetual.',
          },
        }
      : {
          tone: 'ok',
          text: {
            zh: '本證書有效，授權存續中。',
            en: 'This certificate is valid and the grant is in force.',
          },
        };
  }
  const reason = standing.reason ? REVOCATION_REASON_LABELS[standing.reason] : { zh: '已標示', en: 'marked' };
  if (ogdl) {
    const why: Record<Exclude<CertificateStatus, 'VALID'>, Label> = {
      REVOKED: {
        zh: '本證書紀錄已標示為誤發。',
        en: 'This certificate record is marked as issued in error.',
      },
      SUPERSEDED: {
        zh: '本證書紀錄已標示為由新證書取代。',
        en: 'This certificate record is marked as superseded by a new certificate.',
      },
      WITHDRAWN_DATASET: {
        zh: '本證書紀錄已標示為資料集已停止提供：提供機關不再提供此資料。',
        en: 'This certificate record is marked because the dataset was withdrawn: the agency no longer provides it.',
      },
    };
    return {
      tone: 'warn',
      text: {
        zh: `${why[standing.status].zh}此標示僅及於證書紀錄；政府資料開放授權條款之授權不可撤回，對已取得之資料仍然有效。`,
        en: `${why[standing.status].en} Only the record is marked: a grant under the Open Government Data License is irrevocable and stays in force for the data obtained.`,
      },
    };
  }
  return {
    tone: 'warn',
    text: {
      zh: `本授權係依申請個別授權，提供機關已依授權條件終止（原因：${reason.zh}），本證書不再證明有效之授權。`,
      en: `This individual grant of data provided on application has been ended by the agency under its conditions (reason: ${reason.en}); the certificate no longer attests a grant in force.`,
    },
  };
}
