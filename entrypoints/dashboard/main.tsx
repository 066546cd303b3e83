import {render} from 'preact';
import {App} from '../../dashboard/app.tsx';
import {createMetricsClient} from '../../dashboard/client.ts';
import {libraryTemplateNames} from '../../dashboard/components/template-names.ts';
import {openDb} from '../../core/store/db.ts';
import {loadSettings} from '../shared/settings-store.ts';
import '../../dashboard/app.css';

// The extension page: the metrics of this browser's own IndexedDB (what the background stored),
// plus whatever the team lead imports. ?demo=1 adds the demo history.
async function start(root: Element): Promise<void> {
	const settings = await loadSettings();
	const {client} = createMetricsClient();
	const demo = new URLSearchParams(location.search).get('demo') === '1';
	// The team's own templates (and their versions of built-in ones) by their titles.
	const templateNames = {
		...libraryTemplateNames,
		...Object.fromEntries(settings.templates.user.map(template => [template.id, template.title])),
	};
	render(
		<App client={client} store={openDb()} businessHours={{calendar: settings.sla.calendar}} demo={demo} templateNames={templateNames} />,
		root,
	);
}

const root = document.querySelector('#app');
if (root) {
	void start(root);
}
