// Svelte 5 with its defaults (runes where used); svelte-check reads this instead of looking further up for a config.
export default {};
