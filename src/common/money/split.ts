import { Decimal, Money } from './decimal';

/**
 * Splits `total` across shares in proportion to positive integer `weights`, in steps of
 * 10^-scale (whole đồng for VND). Largest remainder method: every share first gets the floor of
 * its exact part, then the leftover units go one each to the largest remainders, ties to the
 * earlier share. The parts always sum exactly to the total.
 */
export function splitByWeights({ total, weights, scale }: { total: Decimal; weights: number[]; scale: number }): Money[] {
  if (weights.length === 0) throw new RangeError('at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w <= 0)) throw new RangeError('weights must be positive integers');
  const unit = new Money(10).pow(-scale);
  const units = new Money(total).div(unit);
  if (!units.isInteger() || units.isNeg()) throw new RangeError('total must be a non-negative multiple of the unit');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // Integer arithmetic on units: exact part = units × w / W, floor and remainder as integers.
  const parts = weights.map((w, index) => {
    const numerator = units.times(w);
    const floor = numerator.divToInt(weightSum);
    return { index, floor, remainder: numerator.minus(floor.times(weightSum)) };
  });
  let leftover = units.minus(parts.reduce((acc, p) => acc.plus(p.floor), new Money(0))).toNumber();
  const byRemainder = [...parts].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const extra = new Array<number>(weights.length).fill(0);
  for (const p of byRemainder) {
    if (leftover <= 0) break;
    extra[p.index] = 1;
    leftover -= 1;
  }
  return parts.map((p) => p.floor.plus(extra[p.index]).times(unit));
}
