/**
 * Python's `'%.Nf' % x` in TypeScript, for output that must match OSTEP's scripts byte for byte.
 *
 * Python rounds the exact binary value of the double to N decimals, ties to even. `Number#toFixed` also works
 * on the exact value (it picks the nearest N-decimal number, which is the same answer whenever there is no
 * tie), but breaks exact ties away from zero. A tie means `x * 10^N` is exactly `k + 1/2`: as a double is
 * `m / 2^e`, that needs `x = odd / 2^(N+1)` (for N = 2: 3.125 = 25/8, 0.625 = 5/8), i.e. `x * 2^(N+1)` an
 * odd integer. Those are rounded here to the even neighbour with exact integer arithmetic; every other value
 * goes through `toFixed`.
 *
 * @example formatFixed(100 / 32, 2) // '3.12' (Python: '%.2f' % 3.125 == '3.12'; toFixed gives '3.13')
 * @example formatFixed(100 / 160, 2) // '0.62'
 * @example formatFixed(100 / 8, 2) // '12.50' (an exact value, no rounding)
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new RangeError(`digits must be an integer 0-20, got ${digits}`);
  if (Number.isNaN(x)) return 'nan';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  if (a === Infinity) return `${sign}inf`;
  // Beyond 2^53 every double is an integer; toFixed would switch to exponent form from 1e21 on.
  if (a >= 2 ** 53) return `${sign}${BigInt(a)}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  const scaled = a * 2 ** (digits + 1); // exact: a power-of-two scale
  if (Number.isInteger(scaled) && scaled % 2 === 1) {
    // a = m / 2^(N+1) with m odd, so a * 10^N = m * 5^N / 2 = k + 1/2 with k = (m * 5^N - 1) / 2.
    let k = (BigInt(scaled) * 5n ** BigInt(digits) - 1n) / 2n;
    if (k % 2n === 1n) k += 1n;
    const text = k.toString().padStart(digits + 1, '0');
    const whole = text.slice(0, text.length - digits);
    return digits > 0 ? `${sign}${whole}.${text.slice(text.length - digits)}` : `${sign}${whole}`;
  }
  return `${sign}${a.toFixed(digits)}`;
}
