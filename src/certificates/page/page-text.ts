import type { ContentLanguage } from '../../common/i18n/pick-language.js';
import type { VerificationState } from '../dto/verification.dto.js';

export interface PageText {
  htmlLang: string;
  locale: string;
  siteName: string;
  verdict: Record<VerificationState, { heading: string; summary: string }>;
  revokedOn: (date: string) => string;
  expiredOn: (date: string) => string;
  reason: (reason: string) => string;
  recipient: string;
  nameHidden: string;
  nameNotPublished: string;
  nameCheckHeading: string;
  nameCheckHelp: string;
  nameCheckLabel: string;
  nameCheckButton: string;
  nameCheckYes: (name: string) => string;
  nameCheckNo: (name: string) => string;
  nameCheckTooMany: string;
  exam: string;
  issuer: string;
  result: string;
  passed: string;
  passedWithBand: (band: string) => string;
  issued: string;
  expires: string;
  noExpiry: string;
  labTasks: string;
  certificateId: string;
  downloads: string;
  downloadJwt: string;
  downloadJson: string;
  downloadPdf: string;
  downloadsPrivate: string;
  howVerified: string;
  signatureChecked: (issuer: string, kid: string) => string;
  signatureFailed: string;
  statusChecked: (time: string) => string;
  checkedAt: (time: string) => string;
  unknownHelp: string;
  title: (verdict: string, exam: string | null) => string;
  description: (verdict: string, exam: string | null, issuer: string | null) => string;
  languageSwitch: string;
}

const en: PageText = {
  htmlLang: 'en',
  locale: 'en-GB',
  siteName: 'kubequiz certificate verification',
  verdict: {
    valid: { heading: 'Valid certificate', summary: 'This certificate is authentic and currently valid.' },
    revoked: { heading: 'Revoked', summary: 'This certificate was revoked by its issuer and is no longer valid.' },
    expired: { heading: 'Expired', summary: 'This certificate was authentic but its validity has ended.' },
    invalid: { heading: 'Could not be verified', summary: 'The stored credential did not pass verification. Do not rely on it.' },
    unknown: { heading: 'Certificate not found', summary: 'No certificate with this id was issued here.' },
  },
  revokedOn: (date) => `Revoked on ${date}`,
  expiredOn: (date) => `Expired on ${date}`,
  reason: (reason) => `Reason: ${reason}`,
  recipient: 'Awarded to',
  nameHidden: 'Not shown at the holder’s request',
  nameNotPublished: 'Not published (issued before names were shown by default)',
  nameCheckHeading: 'Check the name',
  nameCheckHelp: 'Type the name printed on the certificate to check that it was issued to that person. The name is not revealed; you only learn whether it matches.',
  nameCheckLabel: 'Name',
  nameCheckButton: 'Check',
  nameCheckYes: (name) => `Yes: this certificate was issued to “${name}”.`,
  nameCheckNo: (name) => `No: this certificate was not issued to “${name}”.`,
  nameCheckTooMany: 'Too many names were checked for this certificate or from your network. Please try again in an hour.',
  exam: 'Exam',
  issuer: 'Issued by',
  result: 'Result',
  passed: 'Passed',
  passedWithBand: (band) => `Passed (score ${band})`,
  issued: 'Issued',
  expires: 'Valid until',
  noExpiry: 'Does not expire',
  labTasks: 'Hands-on lab tasks passed',
  certificateId: 'Certificate id',
  downloads: 'Download',
  downloadJwt: 'Credential (VC-JWT)',
  downloadJson: 'Credential (JSON)',
  downloadPdf: 'Certificate (PDF)',
  downloadsPrivate: 'The holder has not made the credential and the PDF public.',
  howVerified: 'How this was verified',
  signatureChecked: (issuer, kid) => `The digital signature was checked against ${issuer}’s published key (${kid}).`,
  signatureFailed: 'The digital signature did not match the issuer’s published keys.',
  statusChecked: (time) => `The revocation status list was checked at ${time}.`,
  checkedAt: (time) => `Checked at ${time}.`,
  unknownHelp: 'Check that the link or QR code was copied completely. A certificate id looks like 0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11.',
  title: (verdict, exam) => (exam ? `${verdict}: ${exam}` : verdict),
  description: (verdict, exam, issuer) => (exam && issuer ? `${verdict} — ${exam}, issued by ${issuer}.` : verdict),
  languageSwitch: 'Language',
};

const zh: PageText = {
  htmlLang: 'zh-Hans',
  locale: 'zh-CN',
  siteName: 'kubequiz 证书验证',
  verdict: {
    valid: { heading: '证书有效', summary: '此证书真实有效，目前仍在有效期内。' },
    revoked: { heading: '证书已撤销', summary: '此证书已被颁发机构撤销，不再有效。' },
    expired: { heading: '证书已过期', summary: '此证书真实，但已超过有效期。' },
    invalid: { heading: '无法验证', summary: '存储的凭证未通过验证，请勿采信。' },
    unknown: { heading: '未找到证书', summary: '本站未颁发过此编号的证书。' },
  },
  revokedOn: (date) => `撤销于 ${date}`,
  expiredOn: (date) => `过期于 ${date}`,
  reason: (reason) => `原因：${reason}`,
  recipient: '获得者',
  nameHidden: '应持有人要求不显示',
  nameNotPublished: '未公开（此证书颁发于默认显示姓名之前）',
  nameCheckHeading: '核对姓名',
  nameCheckHelp: '输入证书上印的姓名，核对此证书是否颁发给此人。系统不会显示姓名，只告诉您是否一致。',
  nameCheckLabel: '姓名',
  nameCheckButton: '核对',
  nameCheckYes: (name) => `是：此证书颁发给“${name}”。`,
  nameCheckNo: (name) => `否：此证书不是颁发给“${name}”的。`,
  nameCheckTooMany: '此证书或您所在网络的姓名核对次数过多，请一小时后再试。',
  exam: '考试',
  issuer: '颁发机构',
  result: '成绩',
  passed: '通过',
  passedWithBand: (band) => `通过（分数 ${band}）`,
  issued: '颁发日期',
  expires: '有效期至',
  noExpiry: '长期有效',
  labTasks: '通过的实操任务',
  certificateId: '证书编号',
  downloads: '下载',
  downloadJwt: '凭证（VC-JWT）',
  downloadJson: '凭证（JSON）',
  downloadPdf: '证书（PDF）',
  downloadsPrivate: '持有人未公开凭证和 PDF。',
  howVerified: '验证方式',
  signatureChecked: (issuer, kid) => `已使用 ${issuer} 公布的公钥（${kid}）核验数字签名。`,
  signatureFailed: '数字签名与颁发机构公布的公钥不符。',
  statusChecked: (time) => `已于 ${time} 查询撤销状态列表。`,
  checkedAt: (time) => `查询时间：${time}。`,
  unknownHelp: '请确认链接或二维码完整无误。证书编号形如 0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11。',
  title: (verdict, exam) => (exam ? `${verdict}：${exam}` : verdict),
  description: (verdict, exam, issuer) => (exam && issuer ? `${verdict} — ${exam}，由 ${issuer} 颁发。` : verdict),
  languageSwitch: '语言',
};

export const PAGE_TEXT: Record<ContentLanguage, PageText> = { en, zh };

/** Dates in UTC, written the way each language writes them. */
export function formatDate(text: PageText, iso: string, withTime = false): string {
  const format = new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'UTC' });
  return `${format.format(new Date(iso))}${withTime ? ' UTC' : ''}`;
}
