// Metrics engine speed: load a generated team history into sql.js and compute every report, for
// 10k and 100k tickets (about 10 messages each; 1M with DEFUSE_BENCH_1M=1), with peak memory, and the
// same KPIs by the single-pass JavaScript baseline in the same run.
// Targets: all KPIs for 100k tickets within 500 ms after load, 1M within 5 s, peak RSS under 1.5 GB.
import {Worker} from 'node:worker_threads';
import {computeKpis} from '../../core/metrics/baseline.ts';
import {streamDemoDataset} from '../../core/metrics/demo-data.ts';
import type {Facts} from '../../core/metrics/facts.ts';
import {annotationsOf, deriveTicket, sortAgentHours} from '../../core/metrics/facts.ts';
import {extractThemes} from '../../core/metrics/themes.ts';
import {makeBusinessClock} from '../../core/metrics/time.ts';
import type {GroupBy} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import {computeEarlyWarning, computeSpikes, computeTemplateEffectiveness, computeThemeSummary} from '../../core/metrics/reports.ts';
import type {BusinessCalendar} from '../../core/calendar.ts';
import {factTableRows, insertRows, createTables, createIndexes} from '../../dashboard/worker/load.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {earlyWarning, kpis, templateEffectiveness, themeSpikes, themeSummary} from '../../dashboard/worker/queries.ts';
import {factTables} from '../../dashboard/worker/schema.ts';

const office: BusinessCalendar = {
	timezone: 'Europe/Berlin',
	weekly: {mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']]},
	holidays: ['2026-05-01', '2026-05-14', '2026-05-25'],
};
const timezone = office.timezone;

/** Samples the whole process's RSS from a worker thread, so synchronous work on the main thread is measured too. */
function rssSampler(): {peakMb(): number; reset(): void; stop(): Promise<number>} {
	const shared = new Float64Array(new SharedArrayBuffer(8));
	const worker = new Worker(`
		const {workerData} = require('node:worker_threads');
		const peak = new Float64Array(workerData);
		setInterval(() => { const rss = process.memoryUsage().rss; if (rss > peak[0]) peak[0] = rss; }, 10);
	`, {eval: true, workerData: shared.buffer});
	return {
		peakMb: () => Math.round(Math.max(shared[0]!, process.memoryUsage().rss) / 1_048_576),
		reset() {
			shared[0] = process.memoryUsage().rss;
		},
		async stop() {
			await worker.terminate();
			return Math.round(shared[0]! / 1_048_576);
		},
	};
}

function time<T>(work: () => T): [T, number] {
	const start = performance.now();
	const result = work();
	return [result, Math.round((performance.now() - start) * 10) / 10];
}

function gc(): void {
	(globalThis as {gc?: () => void}).gc?.();
}

type Case = Record<string, unknown>;

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

/** Generates the history ticket by ticket and derives its facts on the way (no whole dataset in memory). */
function generateFacts(tickets: number, days: number, withText: boolean): {facts: Facts; generateAndDeriveMs: number; deriveMs: number; events: number; messages: number} {
	const endAt = Date.UTC(2026, 5, 30, 18);
	const clock = makeBusinessClock({calendar: office}, endAt - ((days + 1) * 86_400_000), endAt);
	const result: Facts = {asOf: endAt, tickets: [], escalations: [], flags: [], feedback: [], templates: [], surveys: [], customers: [], agentHours: []};
	const hours = new Map<string, Set<number>>();
	const texts: Array<{id: string; text: string}> = [];
	let events = 0;
	let messages = 0;
	let deriveMs = 0;
	const started = performance.now();
	// rounds: 4 extra exchanges on average gives about 10 public messages per ticket.
	const {customers} = streamDemoDataset({seed: 1, days, ticketsPerDay: tickets / days * (7 / 6.3), rounds: 4, text: withText, endAt}, (ticket, ticketEvents, surveys) => {
		const start = performance.now();
		events += ticketEvents.length;
		for (const event of ticketEvents) {
			messages += event.kind === 'customer-message' || event.kind === 'agent-reply' ? 1 : 0;
		}

		const sorted = [...ticketEvents].sort((a, b) => a.at - b.at);
		result.tickets.push(deriveTicket(ticket, sorted, endAt, clock));
		const annotations = annotationsOf(ticketEvents, timezone);
		result.escalations.push(...annotations.escalations);
		result.flags.push(...annotations.flags);
		result.feedback.push(...annotations.feedback);
		result.templates.push(...annotations.templates);
		for (const {agent, hour} of annotations.agentHours) {
			(hours.get(agent) ?? hours.set(agent, new Set()).get(agent)!).add(hour);
		}

		for (const survey of surveys) {
			result.surveys.push({id: `${survey.ticketKey ?? ''}|${survey.kind}|${survey.at}`, ticketKey: survey.ticketKey, kind: survey.kind, score: survey.score, at: survey.at});
		}

		if (withText) {
			texts.push({id: ticket.key, text: `${ticket.subject ?? ''}\n${ticket.customerText ?? ''}`});
		}

		deriveMs += performance.now() - start;
	});
	const start = performance.now();
	result.customers = customers;
	result.agentHours = sortAgentHours([...hours].flatMap(([agent, set]) => [...set].map(hour => ({agent, hour}))));
	if (withText) {
		const {assignments} = extractThemes(texts);
		for (const fact of result.tickets) {
			const theme = assignments.get(fact.key);
			fact.themes = theme === undefined ? [] : [theme];
		}
	}

	deriveMs += performance.now() - start;
	return {facts: result, generateAndDeriveMs: performance.now() - started, deriveMs, events, messages};
}

async function runCase(tickets: number, sampler: ReturnType<typeof rssSampler>): Promise<Case> {
	gc();
	sampler.reset();
	const days = 90;
	const generated = generateFacts(tickets, days, tickets <= 100_000);
	const {facts} = generated;

	// Load: the facts (derived in JavaScript above), inserted with prepared statements in one transaction.
	const db = await openNodeDatabase();
	const [, insertMs] = time(() => {
		createTables(db, factTables);
		insertRows(db, factTableRows(facts, {timezone}));
		createIndexes(db, factTables);
	});
	const [, headlineMs] = time(() => kpis(db, {}));
	const [, headlineWarmMs] = time(() => kpis(db, {}));
	const [, dailyMs] = time(() => kpis(db, {groupBy: 'day'}));
	const reports = everyReportSql(db);
	const sqlPeak = sampler.peakMb();
	db.close();

	// Baseline: the same facts, every report by plain JavaScript.
	const baseline = everyReportJs(facts);
	return {
		tickets: facts.tickets.length,
		events: generated.events,
		publicMessages: generated.messages,
		messagesPerTicket: Math.round((generated.messages / facts.tickets.length) * 10) / 10,
		generateMs: Math.round(generated.generateAndDeriveMs - generated.deriveMs),
		load: {deriveFactsJsMs: Math.round(generated.deriveMs), insertAndIndexMs: Math.round(insertMs), totalMs: Math.round(generated.deriveMs + insertMs)},
		sqljs: {
			headlineColdMs: Math.round(headlineMs),
			headlineMs: Math.round(headlineWarmMs),
			headlinePlusDailyTrendMs: Math.round(headlineWarmMs + dailyMs),
			allReportsMs: sum(reports),
			reports,
		},
		baselineJs: {
			allReportsMs: sum(baseline),
			reports: baseline,
			deriveAndHeadlineMs: Math.round(generated.deriveMs + baseline['kpis:none']!),
		},
		peakRssMb: Math.max(sqlPeak, sampler.peakMb()),
	};
}

export async function run(): Promise<Record<string, unknown>> {
	const sampler = rssSampler();
	const sizes = [10_000, 100_000, ...(process.env.DEFUSE_BENCH_1M === '1' ? [1_000_000] : [])];
	const result: Record<string, unknown> = {};
	for (const size of sizes) {
		result[`tickets${size / 1000}k`] = await runCase(size, sampler);
	}

	result.peakRssMb = await sampler.stop();
	result.targets = {allKpisAfterLoadMs: {'100k': 500, '1M': 5000}, peakRssMb: 1536};
	result.notes = 'Business hours (Berlin office) on. The history is generated ticket by ticket and its facts derived on the way (deriveFactsJsMs). load = that derivation + bulk insert into sql.js; '
		+ 'headline = every KPI of design.md section 6 with both hour variants and both FCR variants for the whole period; '
		+ 'allReports = headline + 11 groupings + early warning + templates + themes + spikes. The 1M case runs with DEFUSE_BENCH_1M=1.';
	return result;
}
