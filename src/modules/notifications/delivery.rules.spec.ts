import fc from 'fast-check';
import { afterFailure, digestEmail, MAX_DELIVERY_ATTEMPTS, notificationEmail, retryDelayMs } from './delivery.rules';

describe('delivery rules', () => {
  it('waits one minute after the first failure, doubling up to six hours', () => {
    expect([1, 2, 3, 4, 9, 10, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 256, 360, 360]);
  });

  it('never waits less after more failures', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), (n) => retryDelayMs(n + 1) >= retryDelayMs(n)));
  });

  it('gives up after the last attempt and schedules the next one before it', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    expect(afterFailure({ attempts: MAX_DELIVERY_ATTEMPTS, now })).toEqual({ status: 'failed' });
    expect(afterFailure({ attempts: 2, now })).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-12-03T00:02:00Z') });
  });

  it('words an e-mail in Vietnamese with the link to the page and the settings', () => {
    const mail = notificationEmail({ fullName: 'Nguyễn Văn A', title: 'Hồ sơ cần bổ sung', body: 'Nội dung', link: '/ho-so/X', publicUrl: 'https://kc.example', sender: 'Sở Công Thương' });
    expect(mail.subject).toBe('[KCFund] Hồ sơ cần bổ sung');
    expect(mail.text).toContain('Kính gửi Nguyễn Văn A,');
    expect(mail.text).toContain('Xem chi tiết: https://kc.example/ho-so/X');
    expect(mail.text).toContain('https://kc.example/thong-bao/cai-dat');
  });

  it('lists a day in one digest', () => {
    const mail = digestEmail({ fullName: 'B', day: '03/12/2026', items: [{ title: 'Một', link: '/ho-so/1' }, { title: 'Hai', link: null }], publicUrl: 'https://kc.example', sender: 'Sở' });
    expect(mail.subject).toBe('[KCFund] Tóm tắt thông báo ngày 03/12/2026 (2)');
    expect(mail.text).toContain('• Một — https://kc.example/ho-so/1');
    expect(mail.text).toContain('• Hai\n');
  });
});
