// As the README says: once per app, the elements as global components for templates.
/// <reference types="ocds-widgets/vue" />
