// Every detector the engine runs, in the order it runs them. A new signal is its detector's file
// (descriptor beside the code that finds it, see signal.ts) and one line in this list; risk,
// triggers, template reasons, settings, the options page and the docs read the descriptors from here.
import {detector as draft} from './draft.ts';
import {detector as history} from './history.ts';
import {detector as phrases} from './phrases.ts';
import {detector as shape} from './shape.ts';
import type {Detector, SignalDescriptor} from './signal.ts';
import {detector as spikes} from './spikes.ts';
import {detector as tone} from './tone-trend.ts';
import {detector as waiting} from './waiting.ts';

export const detectors = [phrases, tone, waiting, shape, history, spikes, draft] as const satisfies readonly Detector[];

/** Every signal id the engine can report: a misspelt id does not compile. */
export type SignalId = (typeof detectors)[number]['signals'][number]['id'];

/** Lookups over a list of detectors (the registry's own below; a test adds a detector to prove nothing else needs to change). */
export function registryOf<Id extends string>(list: ReadonlyArray<{readonly signals: ReadonlyArray<SignalDescriptor<Id>>}>) {
	const descriptors: ReadonlyArray<SignalDescriptor<Id>> = list.flatMap(detector => detector.signals);
	const byId: ReadonlyMap<string, SignalDescriptor<Id>> = new Map(descriptors.map(descriptor => [descriptor.id, descriptor]));
	return {
		/** Every signal, in the order detectors run and declare them. */
		signalDescriptors: descriptors,
		/** The descriptor of a signal id; undefined for ids this version does not know (old stored flags, feedback). */
		signalDescriptor: (id: string): SignalDescriptor<Id> | undefined => byId.get(id),
		isSignalId: (id: string): id is Id => byId.has(id),
	};
}

export const {signalDescriptors, signalDescriptor, isSignalId} = registryOf<SignalId>(detectors);
