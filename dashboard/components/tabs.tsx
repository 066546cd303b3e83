import type {ComponentChildren} from 'preact';
import {useRef} from 'preact/hooks';

export type Tab<Id extends string> = {id: Id; label: string};

/** A tab list (arrow keys, Home and End move between tabs, as the ARIA pattern describes). */
export function Tabs<Id extends string>({
	tabs,
	selected,
	onSelect,
	label,
}: {
	tabs: ReadonlyArray<Tab<Id>>;
	selected: Id;
	onSelect: (id: Id) => void;
	label: string;
}) {
	const list = useRef<HTMLDivElement>(null);
	const move = (index: number) => {
		const tab = tabs[(index + tabs.length) % tabs.length]!;
		onSelect(tab.id);
		list.current?.querySelector<HTMLButtonElement>(`#tab-${tab.id}`)?.focus();
	};

	return (
		<div class="tabs" role="tablist" aria-label={label} ref={list}>
			{tabs.map((tab, index) => (
				<button
					key={tab.id}
					id={`tab-${tab.id}`}
					type="button"
					role="tab"
					aria-selected={tab.id === selected}
					aria-controls={`panel-${tab.id}`}
					tabIndex={tab.id === selected ? 0 : -1}
					onClick={() => onSelect(tab.id)}
					onKeyDown={event => {
						const keys: Record<string, number> = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1};
						const target = keys[event.key];
						if (target !== undefined) {
							event.preventDefault();
							move(target);
						}
					}}
				>
					{tab.label}
				</button>
			))}
		</div>
	);
}

export function TabPanel({id, selected, children}: {id: string; selected: boolean; children: ComponentChildren}) {
	return (
		<div id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={!selected} tabIndex={0}>
			{children}
		</div>
	);
}
