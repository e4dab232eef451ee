// As the README says: once per app, the typings of the elements in JSX.
import type {} from 'ocds-widgets/react';
