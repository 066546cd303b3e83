// Metrics engine speed: load a generated team history into sql.js and compute every report, for
// 10k, 100k and 1M tickets (about 10 messages each), with peak memory, and the same KPIs by the
// single-pass JavaScript baseline in the same run.
// Targets (issue 16): 100k tickets, every report within 2 s after load; 1M tickets, the headline within
// 2 s, no single report over 5 s, peak RSS within 1.5 GB. Each is also quoted against the baseline.
//
// Each case runs in a child process of its own (`node --import tsx metrics.bench.ts <sql|js> <tickets>`),
// so its peak RSS (the kernel's high-water mark of that process) is its own: the sql.js case streams
// the generated history through the product's fact writer; the JavaScript case holds every fact in
// memory, as a single-pass baseline does.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {computeKpis} from '../cross-check/kpis.ts';
import {streamDemoDataset} from '../../core/metrics/demo-data.ts';
import type {Facts} from '../../core/metrics/facts.ts';
import {annotationsOf, deriveTicket, sortAgentHours, surveyFactsOf} from '../../core/metrics/facts.ts';
import {extractThemes} from '../../core/metrics/themes.ts';
import {makeBusinessClock} from '../../core/metrics/time.ts';
import type {GroupBy} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import {computeEarlyWarning, computeSpikes, computeTemplateEffectiveness, computeThemeSummary} from '../cross-check/reports.ts';
import type {BusinessCalendar} from '../../core/calendar.ts';
import {openFactWriter} from '../../dashboard/worker/fact-rows.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {earlyWarning, kpis, templateEffectiveness, themeSpikes, themeSummary} from '../../dashboard/worker/queries.ts';

const office: BusinessCalendar = {
	timezone: 'Europe/Berlin',
	weekly: {
		mon: [['09:00', '17:00']],
		tue: [['09:00', '17:00']],
		wed: [['09:00', '17:00']],
		thu: [['09:00', '17:00']],
		fri: [['09:00', '17:00']],
	},
	holidays: ['2026-05-01', '2026-05-14', '2026-05-25'],
};
const timezone = office.timezone;
const days = 90;
const endAt = Date.UTC(2026, 5, 30, 18);

/** The process's peak resident memory so far, in MB (kernel high-water mark). */
function peakRssMb(): number {
	return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Where the memory is at one moment: RSS, the JavaScript heap in use, and memory outside it (the wasm heap, buffers), in MB. */
function memoryNow(): {rssMb: number; jsHeapMb: number; externalMb: number} {
	const usage = process.memoryUsage();
	const mb = (bytes: number): number => Math.round(bytes / 1_048_576);
	return {rssMb: mb(usage.rss), jsHeapMb: mb(usage.heapUsed), externalMb: mb(usage.external)};
}

function time<T>(work: () => T): [T, number] {
	const start = performance.now();
	const result = work();
	return [result, Math.round((performance.now() - start) * 10) / 10];
}

function everyReportSql(db: Awaited<ReturnType<typeof openNodeDatabase>>): Record<string, number> {
	const times: Record<string, number> = {};
	for (const groupBy of groupings) {
		times[`kpis:${groupBy}`] = time(() => kpis(db, {groupBy}))[1];
	}

	times.earlyWarning = time(() => earlyWarning(db))[1];
	times.templates = time(() => templateEffectiveness(db))[1];
	times.themes = time(() => themeSummary(db))[1];
	times.spikes = time(() => themeSpikes(db))[1];
	return times;
}

function everyReportJs(facts: Facts): Record<string, number> {
	const times: Record<string, number> = {};
	for (const groupBy of groupings as GroupBy[]) {
		times[`kpis:${groupBy}`] = time(() => computeKpis(facts, {groupBy}, {timezone}))[1];
	}

	times.earlyWarning = time(() => computeEarlyWarning(facts, {}, {timezone}))[1];
	times.templates = time(() => computeTemplateEffectiveness(facts, {}, {timezone}))[1];
	times.themes = time(() => computeThemeSummary(facts, {}, {timezone}))[1];
	times.spikes = time(() => computeSpikes(facts, {}, {timezone}))[1];
	return times;
}

const sum = (times: Record<string, number>): number => Math.round(Object.values(times).reduce((total, value) => total + value, 0));

type Generated = {tickets: number; events: number; messages: number; generateMs: number; deriveMs: number};

/**
 * Generates the history ticket by ticket (rounds: 4 extra exchanges on average gives about 10 public
 * messages per ticket) and derives each ticket's facts on the way, handing them to `sink`.
 */
function generate(
	size: number,
	withText: boolean,
	sink: {
		ticket(fact: Facts['tickets'][number], annotations: ReturnType<typeof annotationsOf>, surveys: Facts['surveys']): void;
	},
): Generated & {customers: Facts['customers']; themes: Map<string, string[]> | undefined} {
	const clock = makeBusinessClock({calendar: office}, endAt - (days + 1) * 86_400_000, endAt);
	const texts: Array<{id: string; text: string}> = [];
	const counts = {tickets: 0, events: 0, messages: 0};
	let deriveMs = 0;
	const started = performance.now();
	const {customers} = streamDemoDataset(
		{seed: 1, days, ticketsPerDay: (size / days) * (7 / 6.3), rounds: 4, text: withText, endAt},
		(ticket, ticketEvents, surveys) => {
			const start = performance.now();
			counts.tickets++;
			counts.events += ticketEvents.length;
			for (const event of ticketEvents) {
				counts.messages += event.kind === 'customer-message' || event.kind === 'agent-reply' ? 1 : 0;
			}

			const sorted = [...ticketEvents].sort((a, b) => a.at - b.at);
			const fact = deriveTicket(ticket, sorted, endAt, clock);
			if (withText) {
				texts.push({id: ticket.key, text: `${ticket.subject ?? ''}\n${ticket.customerText ?? ''}`});
			}

			sink.ticket(fact, annotationsOf(ticketEvents, timezone), surveyFactsOf(surveys));
			deriveMs += performance.now() - start;
		},
	);
	let themes: Map<string, string[]> | undefined;
	if (withText) {
		const start = performance.now();
		themes = new Map([...extractThemes(texts).assignments].map(([key, theme]) => [key, [theme]]));
		deriveMs += performance.now() - start;
	}

	return {...counts, generateMs: Math.round(performance.now() - started - deriveMs), deriveMs: Math.round(deriveMs), customers, themes};
}

/** The product's path: every ticket derived and written to sql.js at once, then every report by SQL. */
async function sqlCase(size: number, withText: boolean): Promise<Record<string, unknown>> {
	const db = await openNodeDatabase();
	const writer = openFactWriter(db, {timezone});
	let writeMs = 0;
	const generated = generate(size, withText, {
		ticket(fact, annotations, surveys) {
			const start = performance.now();
			writer.addTicket(fact, annotations);
			for (const survey of surveys) {
				writer.addSurvey(survey);
			}

			writeMs += performance.now() - start;
		},
	});
	const [, finishMs] = time(() => writer.finish({asOf: endAt, customers: generated.customers, themes: generated.themes}));
	writeMs += finishMs;
	const pages = (pragma: string): number => Number(db.exec(`PRAGMA facts.${pragma}`)[0]?.values[0]?.[0] ?? 0);
	const databaseMb = Math.round((pages('page_count') * pages('page_size')) / 1_048_576);
	const afterLoad = {...memoryNow(), peakRssMb: peakRssMb()};
	const [, headlineColdMs] = time(() => kpis(db, {}));
	// The machine is noisy: the warm figure is the median of three runs.
	const warm = [0, 1, 2].map(() => time(() => kpis(db, {}))[1]).sort((a, b) => a - b);
	const headlineMs = warm[1]!;
	const [, dailyMs] = time(() => kpis(db, {groupBy: 'day'}));
	const reports = everyReportSql(db);
	db.close();
	return {
		tickets: generated.tickets,
		events: generated.events,
		publicMessages: generated.messages,
		messagesPerTicket: Math.round((generated.messages / generated.tickets) * 10) / 10,
		generateMs: generated.generateMs,
		load: {
			deriveFactsMs: generated.deriveMs - Math.round(writeMs - finishMs),
			writeAndIndexMs: Math.round(writeMs),
			totalMs: generated.deriveMs + Math.round(finishMs),
		},
		headlineColdMs: Math.round(headlineColdMs),
		headlineMs: Math.round(headlineMs),
		headlinePlusDailyTrendMs: Math.round(headlineMs + dailyMs),
		allReportsMs: sum(reports),
		reports,
		databaseMb,
		memory: {afterLoad, afterReports: memoryNow()},
		peakRssMb: peakRssMb(),
	};
}

/** The baseline: every fact held in memory, every report by plain single-pass JavaScript. */
function jsCase(size: number, withText: boolean): Record<string, unknown> {
	const facts: Facts = {
		asOf: endAt,
		tickets: [],
		escalations: [],
		flags: [],
		feedback: [],
		templates: [],
		surveys: [],
		customers: [],
		agentHours: [],
	};
	const hours: Facts['agentHours'] = [];
	const generated = generate(size, withText, {
		ticket(fact, annotations, surveys) {
			facts.tickets.push(fact);
			facts.escalations.push(...annotations.escalations);
			facts.flags.push(...annotations.flags);
			facts.feedback.push(...annotations.feedback);
			facts.templates.push(...annotations.templates);
			hours.push(...annotations.agentHours);
			facts.surveys.push(...surveys);
		},
	});
	const [, gatherMs] = time(() => {
		const seen = new Set<string>();
		facts.agentHours = sortAgentHours(
			hours.filter(({agent, hour}) => !seen.has(`${agent}|${hour}`) && Boolean(seen.add(`${agent}|${hour}`))),
		);
		facts.customers = generated.customers;
		for (const fact of facts.tickets) {
			fact.themes = generated.themes?.get(fact.key) ?? [];
		}
	});
	const reports = everyReportJs(facts);
	return {
		tickets: generated.tickets,
		deriveFactsMs: generated.deriveMs + Math.round(gatherMs),
		headlineMs: reports['kpis:none'],
		allReportsMs: sum(reports),
		reports,
		peakRssMb: peakRssMb(),
	};
}

function runChild(kind: 'sql' | 'js', size: number): Record<string, unknown> {
	// The baseline holds every fact as an object: a million tickets need more than the default heap.
	const heap = kind === 'js' ? ['--max-old-space-size=8192'] : [];
	const output = execFileSync(process.execPath, [...heap, '--import', 'tsx', fileURLToPath(import.meta.url), kind, String(size)], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

const ratio = (value: unknown, base: unknown): number => Math.round((Number(value) / Number(base)) * 100) / 100;

export async function run(): Promise<Record<string, unknown>> {
	const sizes = [10_000, 100_000, ...(process.env.DEFUSE_BENCH_1M === '0' ? [] : [1_000_000])];
	const result: Record<string, unknown> = {};
	for (const size of sizes) {
		console.log(`metrics: ${size} tickets`);
		const sqljs = runChild('sql', size);
		const baselineJs = runChild('js', size);
		const reports = sqljs.reports as Record<string, number>;
		const [slowestName, slowestMs] = Object.entries(reports).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
		const baselineReports = baselineJs.reports as Record<string, number>;
		result[`tickets${size / 1000}k`] = {
			tickets: sqljs.tickets,
			sqljs,
			baselineJs,
			slowestReport: {name: slowestName, ms: slowestMs, baselineMs: baselineReports[slowestName]},
			withinTargets:
				size === 100_000
					? {allReports: Number(sqljs.allReportsMs) <= 2000}
					: size === 1_000_000
						? {headline: Number(sqljs.headlineMs) <= 2000, slowestReport: slowestMs <= 5000, peakRss: Number(sqljs.peakRssMb) <= 1536}
						: undefined,
			ratios: {
				headlineSqlToJs: ratio(sqljs.headlineMs, baselineJs.headlineMs),
				allReportsSqlToJs: ratio(sqljs.allReportsMs, baselineJs.allReportsMs),
				peakRssSqlToJs: ratio(sqljs.peakRssMb, baselineJs.peakRssMb),
			},
		};
	}

	result.targets = {'100k': {allReportsMs: 2000}, '1M': {headlineMs: 2000, slowestReportMs: 5000, peakRssMb: 1536}};
	result.notes =
		"Business hours (Berlin office) on; customer text and themes up to 100k tickets. Each case in its own process; peakRssMb is that process's maxRSS. " +
		'sqljs: the history generated ticket by ticket, each ticket derived and written by the fact writer (load = derive + write + index); ' +
		'headline = every KPI of design.md section 6 with both hour variants and both FCR variants for the whole period (headlineColdMs the first run, headlineMs the median of the next three); ' +
		'allReports = headline + 11 groupings + early warning + templates + themes + spikes. baselineJs: the same facts held in memory, the same reports by single-pass JavaScript. ' +
		'DEFUSE_BENCH_1M=0 leaves out the 1M case.';
	return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [kind, size] = process.argv.slice(2);
	const tickets = Number(size);
	const withText = tickets <= 100_000;
	const output = kind === 'sql' ? await sqlCase(tickets, withText) : jsCase(tickets, withText);
	console.log(JSON.stringify(output));
}
