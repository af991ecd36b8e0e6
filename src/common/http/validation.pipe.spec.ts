import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from './validators';
import { createValidationPipe } from './validation.pipe';
import { ValidationFailed } from './domain-error';

class Appraisal {
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employees?: number;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(20)
  title?: string;

  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @IsOptional()
  @IsNotBefore('startDate', 'không được trước ngày bắt đầu')
  @IsCalendarDate()
  endDate?: string;
}

async function errorsOf(body: Record<string, unknown>): Promise<Record<string, string>> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Appraisal, data: undefined });
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return Object.fromEntries((error.errors ?? []).map((e) => [e.field, e.message]));
  }
  return {};
}

describe('validation messages', () => {
  it('says a whole number is expected, with its bounds, for text, a decimal comma or a fraction', async () => {
    expect(await errorsOf({ score: '85,5' })).toEqual({ score: 'chỉ nhập số nguyên từ 0 đến 100' });
    expect(await errorsOf({ score: 85.5 })).toEqual({ score: 'chỉ nhập số nguyên từ 0 đến 100' });
    expect(await errorsOf({ score: 50, employees: '12 người' })).toEqual({ employees: 'chỉ nhập số nguyên từ 0 đến 1.000.000' });
  });

  it('names the bound a number broke', async () => {
    expect(await errorsOf({ score: 101 })).toEqual({ score: 'không được lớn hơn 100' });
    expect(await errorsOf({ score: -1 })).toEqual({ score: 'không được nhỏ hơn 0' });
  });

  it('states the length limit and the length typed', async () => {
    expect(await errorsOf({ score: 1, title: 'x'.repeat(25) })).toEqual({ title: 'dài tối đa 20 ký tự (đang có 25 ký tự)' });
    expect(await errorsOf({ score: 1, title: 'ngắn' })).toEqual({ title: 'cần ít nhất 8 ký tự (đang có 4 ký tự)' });
  });

  it('reports an end before its start together with the other fields', async () => {
    expect(await errorsOf({ score: 'x', startDate: '2026-05-01', endDate: '2026-04-30' })).toEqual({
      score: 'chỉ nhập số nguyên từ 0 đến 100',
      endDate: 'không được trước ngày bắt đầu',
    });
    expect(await errorsOf({ score: 1, startDate: '2026-05-01', endDate: '2026-05-01' })).toEqual({});
    // A malformed end is told its own problem; a missing start leaves the order unchecked.
    expect(await errorsOf({ score: 1, startDate: '2026-05-01', endDate: '30/04/2026' })).toEqual({ endDate: 'phải là ngày dạng YYYY-MM-DD' });
    expect(await errorsOf({ score: 1, endDate: '2026-04-30' })).toEqual({});
  });
});
