// As the README says: once per app, the typings of the elements in Svelte markup.
import type {} from 'ocds-widgets/svelte';
