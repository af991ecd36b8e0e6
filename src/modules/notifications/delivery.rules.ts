/** E-mail delivery: when to try again, and what a message says around the step's own words. */

/** Attempts after which an e-mail is given up (the in-app notification stays). */
export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * The wait before attempt `attempts + 1`, after `attempts` failed ones: one minute, doubling,
 * at most six hours (1, 2, 4, … 360 minutes).
 */
export function retryDelayMs(attempts: number): number {
  const minutes = Math.min(2 ** Math.max(0, attempts - 1), 360);
  return minutes * 60_000;
}

/** After a failed attempt: try again later, or give up. */
export function afterFailure({ attempts, now }: { attempts: number; now: Date }): { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' } {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** The e-mail of one notification: a greeting, the step's words, the link, how to stop them. */
export function notificationEmail({
  fullName,
  title,
  body,
  link,
  publicUrl,
  sender,
}: {
  fullName: string;
  title: string;
  body: string;
  link: string | null;
  publicUrl: string;
  sender: string;
}): { subject: string; text: string } {
  const lines = [`Kính gửi ${fullName},`, '', body];
  if (link) lines.push('', `Xem chi tiết: ${publicUrl}${link}`);
  lines.push('', '—', `KCFund — ${sender}`, `Thay đổi cách nhận thông báo: ${publicUrl}/thong-bao/cai-dat`);
  return { subject: `[KCFund] ${title}`.slice(0, 300), text: lines.join('\n') };
}

/** A day's digest: every notification of the day not yet e-mailed, one line each. */
export function digestEmail({
  fullName,
  day,
  items,
  publicUrl,
  sender,
}: {
  fullName: string;
  /** dd/mm/yyyy */
  day: string;
  items: Array<{ title: string; link: string | null }>;
  publicUrl: string;
  sender: string;
}): { subject: string; text: string } {
  const lines = [`Kính gửi ${fullName},`, '', `Các thông báo mới trên KCFund (${items.length}):`, ''];
  for (const item of items) lines.push(`• ${item.title}${item.link ? ` — ${publicUrl}${item.link}` : ''}`);
  lines.push('', `Xem tất cả: ${publicUrl}/thong-bao`, '', '—', `KCFund — ${sender}`, `Thay đổi cách nhận thông báo: ${publicUrl}/thong-bao/cai-dat`);
  return { subject: `[KCFund] Tóm tắt thông báo ngày ${day} (${items.length})`, text: lines.join('\n') };
}
