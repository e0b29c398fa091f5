// One editor face per kind (./face.ts). A kind missing here fails to compile; adding a kind's
// editor is its face file and its line here (and its fields in KindFields).
import type { WatchKind } from '../../../core/kinds/registry';
import { chatgptPlusFace } from './chatgpt-plus';
import type { EditorFace } from './face';
import { type JsonFields, jsonFace } from './json';
import { type PageFields, pageFace } from './page';

/** Every kind's own fields: the form keeps them all, so switching kinds while adding loses nothing typed. */
export type KindFields = PageFields & JsonFields;

const FACES: Record<WatchKind, EditorFace<KindFields>> = { 'chatgpt-plus': chatgptPlusFace, page: pageFace, json: jsonFace };

export const faceOf = (kind: WatchKind): EditorFace<KindFields> => FACES[kind];

/** Every kind's fields as a new watch starts them. */
export const emptyKindFields = (): KindFields => Object.assign({}, ...Object.values(FACES).map((face) => face.fields));
