import {describe, expect, test} from 'vitest';
import {parseShownDate} from './dates.ts';

const utc = {offsetMinutes: 0};

describe('parseShownDate', () => {
	test.each([
		['Nov 3, 2026 14:05', {}, '2026-11-03T14:05:00.000Z'],
		['Nov 3, 2026 02:05pm', {}, '2026-11-03T14:05:00.000Z'],
		['Dez 24, 2026 09:30', {locale: 'de'}, '2026-12-24T09:30:00.000Z'],
		['3. Nov. 2026 14:05', {locale: 'de'}, '2026-11-03T14:05:00.000Z'],
		['3 de noviembre de 2026 14:05', {locale: 'es'}, '2026-11-03T14:05:00.000Z'],
		['martes, 3 de noviembre de 2026 14:05', {locale: 'es'}, '2026-11-03T14:05:00.000Z'], // "martes" is not March
		['3 févr. 2026 08:00', {locale: 'fr'}, '2026-02-03T08:00:00.000Z'],
		['Tuesday, 3 March 2026 at 7:15 AM', {}, '2026-03-03T07:15:00.000Z'],
		['03.11.2026 14:05', {locale: 'de'}, '2026-11-03T14:05:00.000Z'],
		['11/03/2026 2:05 PM', {locale: 'en-US'}, '2026-11-03T14:05:00.000Z'],
		['03/11/2026 14:05', {locale: 'en-GB'}, '2026-11-03T14:05:00.000Z'],
		['25/11/2026 14:05', {locale: 'en-US'}, '2026-11-25T14:05:00.000Z'], // 25 cannot be a month
		['2026-11-03 14:05', {}, '2026-11-03T14:05:00.000Z'],
		['12:30 am Nov 3, 2026', {}, '2026-11-03T00:30:00.000Z'],
		['Mar 12, 2026 12:00 PM', {}, '2026-03-12T12:00:00.000Z'],
	])('%s (%o)', (shown, options, iso) => {
		expect(parseShownDate(shown, {...options, ...utc})).toBe(iso);
	});

	test('ISO with zone passes through', () => {
		expect(parseShownDate('2026-11-03T14:05:00+01:00')).toBe('2026-11-03T13:05:00.000Z');
	});

	test('offset moves the instant', () => {
		expect(parseShownDate('Nov 3, 2026 14:05', {offsetMinutes: 60})).toBe('2026-11-03T13:05:00.000Z');
	});

	test('without an offset the runtime zone is used', () => {
		expect(parseShownDate('Nov 3, 2026 14:05')).toBe(new Date(2026, 10, 3, 14, 5).toISOString());
	});

	test('dates without a year are the latest such date not after now', () => {
		const now = new Date('2026-03-10T12:00:00Z');
		expect(parseShownDate('Mar 9, 4:30 PM', {...utc, now})).toBe('2026-03-09T16:30:00.000Z');
		expect(parseShownDate('Dec 30, 4:30 PM', {...utc, now})).toBe('2025-12-30T16:30:00.000Z');
	});

	test('today and yesterday with a time', () => {
		const now = new Date('2026-03-10T12:00:00Z');
		expect(parseShownDate('Yesterday at 9:05 AM', {...utc, now})).toBe('2026-03-09T09:05:00.000Z');
		expect(parseShownDate('heute 08:15', {...utc, now, locale: 'de'})).toBe('2026-03-10T08:15:00.000Z');
	});

	test.each([
		'2 hours ago',
		'yesterday',
		'',
		'Nov 2026',
		'31/31/2026',
		'Nov 31, 2026 10:00',
		'Dienstag 14:05',
		'x'.repeat(500),
		'<img src=x onerror=alert(1)>',
	])('rejects %s', shown => {
		expect(parseShownDate(shown, utc)).toBeUndefined();
	});
});
