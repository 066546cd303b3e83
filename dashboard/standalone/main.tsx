import {render} from 'preact';
import {defaultSettings} from '../../core/settings.ts';
import {App} from '../app.tsx';
import {createMetricsClient} from '../client.ts';
import '../app.css';

// The static site: no store; fed by imports (or the demo history with ?demo=1). Business hours are
// the default calendar (Monday to Friday, 9:00 to 17:00 UTC).
const root = document.querySelector('#app');
if (root) {
	const {client} = createMetricsClient();
	const demo = new URLSearchParams(location.search).get('demo') === '1';
	render(<App client={client} businessHours={{calendar: defaultSettings.sla.calendar}} demo={demo} />, root);
}
