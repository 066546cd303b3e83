// Vitest setup for the clock-ahead run of `npm test`: with DEFUSE_CLOCK_AHEAD_DAYS set, the system
// clock (`new Date()`, `Date.now()`) reads that many days ahead, so a test that quietly depends on
// today's date fails in `npm test` instead of next month. Dates built from a value are untouched.
const days = Number(process.env['DEFUSE_CLOCK_AHEAD_DAYS'] ?? '0');
if (!Number.isFinite(days)) {
	throw new TypeError(`DEFUSE_CLOCK_AHEAD_DAYS must be a number of days, not "${process.env['DEFUSE_CLOCK_AHEAD_DAYS']}"`);
}

if (days !== 0) {
	const offset = days * 86_400_000;
	const SystemDate = Date;
	class AheadDate extends SystemDate {
		constructor(...args: unknown[]) {
			if (args.length === 0) {
				super(SystemDate.now() + offset);
			} else {
				// @ts-expect-error Date's overloads take the caller's arguments unchanged.
				super(...args);
			}
		}

		static override now(): number {
			return SystemDate.now() + offset;
		}

		// Dates made elsewhere (structuredClone, IndexedDB, Node's own) are still dates.
		static override [Symbol.hasInstance](value: unknown): boolean {
			return value instanceof SystemDate;
		}
	}

	globalThis.Date = AheadDate as DateConstructor;
}
