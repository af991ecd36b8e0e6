import { randomUUID } from 'node:crypto';
import { buildWorld, Caller, CALLERS, must, PDF, statement, SUPPORT, World } from './support/access-world';
import { postMoney, uniqueCode } from './support/budget';
import { sampleFileBody, uniqueTaxCode } from './support/files';
import { registeredRoutes } from './support/router-routes';
import { startTestApp } from './support/test-app';

/**
 * Who may call which route on what: every route the router serves, for every kind of caller,
 * in one table. A route the router serves without a row here fails the test, and so does a row
 * naming a route the router does not serve (the routes are read from Express's router, not from
 * the OpenAPI document, so an undocumented route counts too).
 *
 * In scope: every `/api/v1/...` route and `/health`. Out of scope: the OpenAPI document and its
 * viewer (`/api/docs*`, public and read-only) and the web pages (`/`, `/ho-so/...`, …), which call
 * the same use cases behind their own session guard and are tested by the web e2e files.
 *
 * Columns (support/access-world.ts builds them: a Sở with the extension centre and a division
 * outside it; under the centre, the lead unit and another division):
 *   anon   no token
 *   own    the producer who owns the files            strg   another producer
 *   oAsg   the files' responsible officer             oUnit  officer of the lead unit, not assigned
 *   oRtn   officer of the lead unit holding its head's routine delegation, in force (assigns, initials)
 *   oOth   officer of another division of the centre  oCons  officer of the unit consulted (outside the centre)
 *   hCons  head of the unit consulted
 *   hLead  head of the lead unit                      hUp    head of the centre, the unit above it
 *   hOth   head of another division of the centre     lead   the director (a leader with no field)
 *   hDlg   as hOth, holding the director's delegation to decide, in force: sees every file, decides
 *   dep    a deputy director whose field is another activity type than the files'
 *   depIn  a deputy director whose field is the files' activity type (inside it: as the director)
 *   fin    finance          aud    auditor            adm    administrator, placed in no unit
 *
 * Expected answers follow ../shared/API.md, and "Authority (changes)" for what touches a file:
 * - a role that may never use a route gets 403 FORBIDDEN, whatever the record;
 * - a leader decides (and cancels, approves a settlement, changes an assignment) inside their field only: 403 OUT_OF_SCOPE;
 * - staff see a file when they are a leader, finance, an auditor, a member of its lead unit or of
 *   a unit above it, or of a unit consulted on it; a submitted file not yet assigned is seen by
 *   the heads and officers of the centre's units; anyone else gets 404 (the administrator too);
 * - acting on a file: assign, return, reassign by a head of the lead unit or above (the first
 *   assignment of an intake file: a head of the chosen lead unit or of the centre above it, not
 *   of another division); consult, appraise,
 *   recommend, contract, acceptance and documents by the responsible officer or a head of the
 *   lead unit; disbursement requests by them or finance; initial by a head of the lead unit;
 *   answers and requests for more time by the consulted unit's staff, the decision on such a
 *   request by those who consult; anyone else who sees the file gets 403 NOT_ASSIGNED.
 *
 * Cells: the status expected, and
 *   `403`  code FORBIDDEN     `403N`  code NOT_ASSIGNED     `403O`  code OUT_OF_SCOPE     `403*`  any code
 *   `200+` a list holding the situation's record           `200-`  a list without it
 * Every 4xx is application/problem+json; nothing answers 5xx. A call that changes a record's state
 * acts on a fresh record made for that cell alone; a call that adds a record to a file (a
 * document, consultation, appraisal, declaration, disbursement request, receipt) adds it to a
 * shared one, each caller once.
 */
const MATRIX = `
# route                                               | situation                                      | anon  own   strg  oAsg  oUnit oRtn  oOth  oCons hCons hLead hUp   hOth  hDlg  lead  dep   depIn fin   aud   adm
#
# Health and identity
GET    /health                                        | -                                              | 200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/auth/register                          | a new producer                                 | 201   201   201   201   201   201   201   201   201   201   201   201   201   201   201   201   201   201   201
POST   /api/v1/auth/login                             | a wrong password                               | 401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401
POST   /api/v1/auth/refresh                           | an unknown token                               | 401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401
POST   /api/v1/auth/logout                            | an unknown token                               | 401   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204
GET    /api/v1/me                                     | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/me/password                            | a wrong current password                       | 401   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400
GET    /api/v1/notifications                          | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/notifications/read-all                 | -                                              | 401   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204   204
POST   /api/v1/notifications/:id/read                 | absent (or another's: the same 404)            | 401   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404
GET    /api/v1/me/notification-settings               | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
PUT    /api/v1/me/notification-settings               | e-mail on, no digest                           | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
#
# Organisation, users, delegations, audit
POST   /api/v1/units                                  | a new office                                   | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201
GET    /api/v1/units                                  | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/units/tree                             | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/units/:id                              | the lead unit                                  | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/units/:id                              | absent                                         | 401   403   403   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404
PATCH  /api/v1/units/:id                              | a new office                                   | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/units/:id/deactivate                   | a new, empty office                            | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/units/:id/activate                     | a deactivated office                           | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/users                                  | a new officer                                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201
GET    /api/v1/users                                  | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
GET    /api/v1/users/:id                              | the responsible officer                        | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
GET    /api/v1/users/:id                              | absent                                         | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   404
PATCH  /api/v1/users/:id                              | a new officer                                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/users/:id/reset-password               | a new officer                                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/users/:id/deactivate                   | a new officer                                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/users/:id/activate                     | a deactivated officer                          | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200
POST   /api/v1/delegations                            | to the lead unit's head                        | 401   403   403   403   403   403   403   403   403   403   403   403   403   201   201   201   403   403   403
POST   /api/v1/delegations                            | routine work, to a member of the caller's unit | 401   403   403   403   403   403   403   403   201   201   201   201   201   400   400   400   403   403   403
GET    /api/v1/delegations                            | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/delegations/:id                        | from the leader to the lead unit's head        | 401   403   403   404   404   404   404   404   404   200   404   404   404   200   404   404   404   200   404
GET    /api/v1/delegations/:id                        | between two other people                       | 401   403   403   404   404   404   404   404   404   404   404   404   404   404   404   404   404   200   404
DELETE /api/v1/delegations/:id                        | the leader's own                               | 401   403   403   403   403   403   403   403   404   404   404   404   404   204   404   404   403   403   403
DELETE /api/v1/delegations/:id                        | the lead unit head's routine one               | 401   403   403   403   403   403   403   403   404   204   404   404   404   404   404   404   403   403   403
DELETE /api/v1/delegations/:id                        | between two other people                       | 401   403   403   403   403   403   403   403   404   404   404   404   404   404   404   404   403   403   403
POST   /api/v1/acting-appointments                    | a deputy director, days of its own             | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201
GET    /api/v1/acting-appointments                    | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
DELETE /api/v1/acting-appointments/:id                | one made for the call                          | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   204
GET    /api/v1/audit                                  | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200
GET    /api/v1/audit/verify                           | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403
#
# The holiday calendar: read by anyone signed in, kept by the administrator (the date in DELETE's path)
GET    /api/v1/calendar/holidays                      | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/calendar/holidays                      | a new weekday off                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201
DELETE /api/v1/calendar/holidays/:date                | a day added for the call                       | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   204
#
# Rates of exchange: recorded by finance, read by finance, leaders and auditors (a pair of made-up currencies no fund uses)
GET    /api/v1/exchange-rates                         | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   200   200   200   200   403
POST   /api/v1/exchange-rates                         | a rate of a pair no fund uses                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
#
# The list of administrative units: read by anyone, signed in or not; replaced by an admin only. The admin's call sends
# a list with a problem (a commune of no listed province): the run's database shares one list, and a loaded list
# would refuse the other test files' commune codes; test/admin-units.e2e-spec.ts imports sound lists on its own database.
GET    /api/v1/admin-units                            | the provinces and cities                       | 200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/admin-units                            | a province not in the list                     | 400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400   400
POST   /api/v1/admin-units/import                     | a list refused whole (no change to the run's)  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   400
#
# Budget and ledger
POST   /api/v1/funds                                  | a new fund                                     | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
GET    /api/v1/funds                                  | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/fiscal-years                           | a new year                                     | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
GET    /api/v1/fiscal-years                           | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/fiscal-years/:year/close               | a new, empty year                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
POST   /api/v1/appropriations                         | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
POST   /api/v1/allocations                            | to the lead unit                               | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
POST   /api/v1/allocations/split                      | between two divisions                          | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
POST   /api/v1/allocations/transfer                   | between two divisions                          | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
POST   /api/v1/allocations/return                     | from the lead unit                             | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
GET    /api/v1/budget/summary                         | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   200   200   200   200   403
GET    /api/v1/ledger/transfers                       | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/ledger/trial-balance                   | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
POST   /api/v1/ledger/transfers/:id/reverse           | an allocation                                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
POST   /api/v1/ledger/transfers/:id/reverse           | a payment (corrected by a return instead)      | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   409   403   403
GET    /api/v1/ledger/reversal-requests               | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/ledger/reversal-requests/:id           | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
POST   /api/v1/ledger/reversal-requests/:id/approve   | asked by another finance user                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
POST   /api/v1/ledger/reversal-requests/:id/approve   | asked by fin itself                            | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/ledger/reversal-requests/:id/reject    | asked by another finance user                  | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
POST   /api/v1/ledger/reversal-requests/:id/reject    | asked by fin itself                            | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
#
# Establishments and the catalogue
POST   /api/v1/establishments                         | the caller's own                               | 401   201   201   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/establishments                         | lists the owner's establishment                | 401   200+  200-  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+
GET    /api/v1/establishments/:id                     | the owner's establishment                      | 401   200   404   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
PATCH  /api/v1/establishments/:id                     | the owner's, a new count of women workers      | 401   200   404   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/establishments/:id/verify-classification | the owner's, classification declared         | 401   403   403   200   200   200   200   200   200   200   200   200   200   403   403   403   403   403   403
GET    /api/v1/activity-types                         | -                                              | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/activity-types/:code/versions          | machinery                                      | 401   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
POST   /api/v1/activity-types                         | a new code                                     | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201
POST   /api/v1/activity-types                         | a new code with eligibility conditions         | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201
#
# Calls for applications: opened by a leader or a head; public notices, read without signing in
POST   /api/v1/calls                                  | a new call                                     | 401   403   403   403   403   403   403   403   201   201   201   201   201   201   201   201   403   403   403
GET    /api/v1/calls                                  | lists the open call                            | 200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+  200+
GET    /api/v1/calls/:id                              | the open call                                  | 200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/calls/:id                              | absent                                         | 404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404
#
# Files: reading
POST   /api/v1/applications                           | for the caller's own establishment             | 401   201   201   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/applications                           | lists the file in review                       | 401   200+  200-  200+  200+  200+  200-  200+  200+  200+  200+  200-  200+  200+  200+  200+  200+  200+  200-
GET    /api/v1/applications                           | lists the intake file                          | 401   200+  200-  200+  200+  200+  200+  200-  200-  200+  200+  200+  200+  200+  200+  200+  200+  200+  200-
GET    /api/v1/applications/:id                       | a draft                                        | 401   200   404   404   404   404   404   404   404   404   404   404   200   200   200   200   200   200   404
GET    /api/v1/applications/:id                       | the intake file (submitted, unassigned)        | 401   200   404   200   200   200   200   404   404   200   200   200   200   200   200   200   200   200   404
GET    /api/v1/applications/:id                       | the file in review (unit consulted)            | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/applications/:id                       | a file in review nobody consulted              | 401   200   404   200   200   200   404   404   404   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/applications/:id                       | absent                                         | 401   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404
GET    /api/v1/applications/:id/documents/:docId      | the owner's, on the file in review             | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/consultations                          | lists the one on the file in review            | 401   403   403   200+  200+  200+  200-  200+  200+  200+  200+  200-  200+  200+  200+  200+  200+  200+  200-
GET    /api/v1/consultations/:id                      | the one on the file in review                  | 401   403   403   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
#
# Files: the producer's steps
PATCH  /api/v1/applications/:id                       | a draft                                        | 401   200   404   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/applications/:id/submit                | a draft                                        | 401   200   404   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/applications/:id/withdraw              | an intake file                                 | 401   200   404   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/applications/:id/documents             | the file in review                             | 401   201   404   201   403N  403N  404   403N  403N  201   403N  404   403N  403   403   403   403   403   403
#
# Files: the office's steps
# Assign and initial are a head's, or a routine delegate's (oRtn, for hLead): any other officer is NOT_ASSIGNED.
# A change of lead unit or due date needs a leader (DOMAIN.md rule 1): heads get a 403, its code left open.
# Return: a head of the lead unit or above, or the responsible officer (v1's table: officer); at intake,
# like the first assignment, the centre's heads and officers.
POST   /api/v1/applications/:id/assign                | an intake file: first assignment               | 401   403   403   403N  403N  200   403N  404   404   200   200   403N  403N  403N  403N  403N  403   403   403
POST   /api/v1/applications/:id/assign                | a file in review: another officer              | 401   403   403   403N  403N  200   404   403N  403N  200   200   404   403N  200   403O  200   403   403   403
POST   /api/v1/applications/:id/assign                | a file in review: another lead unit            | 401   403   403   403N  403N  403*  404   403N  403N  403*  403*  404   403N  200   403O  200   403   403   403
POST   /api/v1/applications/:id/return                | a file in review                               | 401   403   403   200   403N  403N  404   403N  403N  200   200   404   403N  403   403   403   403   403   403
POST   /api/v1/applications/:id/return                | an intake file                                 | 401   403   403   200   200   200   200   404   404   200   200   200   200   403   403   403   403   403   403
POST   /api/v1/applications/:id/consultations         | the file in review, to the consulted unit      | 401   403   403   201   403N  403N  404   403N  403N  201   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/consultations/:id/answer               | an open one, to the consulted unit             | 401   403   403   403N  403N  403N  404   200   200   403N  403N  404   403N  403N  403N  403N  403N  403   403
POST   /api/v1/consultations/:id/extension            | an open one, to the consulted unit             | 401   403   403   403N  403N  403N  404   200   200   403N  403N  404   403N  403N  403N  403N  403N  403   403
POST   /api/v1/consultations/:id/extension            | one whose request awaits its decision          | 401   403   403   403N  403N  403N  404   409   409   403N  403N  404   403N  403N  403N  403N  403N  403   403
POST   /api/v1/consultations/:id/extension/approve    | a request awaiting its decision                | 401   403   403   200   403N  403N  404   403N  403N  200   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/consultations/:id/extension/approve    | an open one, no request                        | 401   403   403   409   403N  403N  404   403N  403N  409   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/consultations/:id/extension/reject     | a request awaiting its decision                | 401   403   403   200   403N  403N  404   403N  403N  200   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/consultations/:id/extension/reject     | an open one, no request                        | 401   403   403   409   403N  403N  404   403N  403N  409   403N  404   403N  403   403   403   403   403   403
# Declaring a conflict: staff who act on the file (responsible officer, heads of the lead unit or above, the leader).
POST   /api/v1/applications/:id/conflict-declarations | the file in review, none declared yet          | 401   403   403   201   403N  201   404   403N  403N  201   403N  404   201   201   201   201   403N  403   403
GET    /api/v1/applications/:id/conflict-declarations | the file in review                             | 401   403   403   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
POST   /api/v1/applications/:id/appraisals            | the file in review                             | 401   403   403   201   403N  403N  404   403N  403N  201   403N  404   403N  403   403   403   403   403   403
# A recommendation rests on an appraisal (or a stated reason to skip it): without either, 409 INVALID_STATE.
POST   /api/v1/applications/:id/recommend             | an appraised file in review                    | 401   403   403   200   403N  403N  404   403N  403N  200   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/applications/:id/recommend             | a file in review nobody appraised              | 401   403   403   409   403N  403N  404   403N  403N  409   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/applications/:id/initial               | a recommended file                             | 401   403   403   403N  403N  200   404   403N  403N  200   403N  404   403N  403   403   403   403   403   403
# Back to the officer: a recommended file by a head of the lead unit, an initialed one by a leader in their field.
POST   /api/v1/applications/:id/send-back             | a recommended file                             | 401   403   403   403   403   403   403   403   403N  200   403N  404   403N  403N  403N  403N  403   403   403
POST   /api/v1/applications/:id/send-back             | an initialed file                              | 401   403   403   403   403   403   403   403   403N  403N  403N  404   403N  200   403O  200   403   403   403
# Deciding: a leader in their field, or a leader's delegate (hDlg); a role that may decide as a delegate but cannot see the file: 404.
POST   /api/v1/applications/:id/decide                | an initialed file                              | 401   403   403   403   403   403   404   403   403   403   403   404   200   200   403O  200   403   403   403
POST   /api/v1/applications/:id/cancel                | an approved file                               | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   403O  200   403   403   403
# A list decision: the single decision's checks per file (a role deciding as a delegate but not seeing the file: 404).
POST   /api/v1/decisions                              | an initialed file                              | 401   403   403   403   403   403   404   403   403   403   403   404   201   201   403O  201   403   403   403
GET    /api/v1/decisions/:id                          | a list decision                                | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
GET    /api/v1/decisions/:id                          | absent                                         | 401   403   403   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404   404
#
# Contracts, payments, acceptance
POST   /api/v1/applications/:id/contract              | an approved file                               | 401   403   403   200   403N  403N  404   403N  403N  200   403N  404   403N  403   403   403   403   403   403
POST   /api/v1/disbursements                          | an advance on a contracted file                | 401   403   403   201   403N  403N  404   403N  403N  201   403N  404   403N  403   403   403   201   403   403
POST   /api/v1/applications/:id/acceptance            | a contracted file                              | 401   403   403   200   403N  403N  404   403N  403N  200   403N  404   403N  403   403   403   403   403   403
GET    /api/v1/disbursements                          | lists the paid advance                         | 401   200+  200-  200+  200+  200+  200-  200+  403   403   403   403   403   403   403   403   200+  200+  403
GET    /api/v1/disbursements/:id                      | the paid advance                               | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
POST   /api/v1/disbursements/:id/approve              | asked by the responsible officer               | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
POST   /api/v1/disbursements/:id/approve              | asked by fin itself                            | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/disbursements/:id/reject               | asked                                          | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
POST   /api/v1/disbursements/:id/pay                  | approved by another finance user               | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
POST   /api/v1/disbursements/:id/return               | paid                                           | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
#
# Settlement and recovery
POST   /api/v1/applications/:id/settlement            | an accepted file                               | 401   201   404   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/settlements/:id/approve                | submitted: finance checks                      | 401   403   403   403   403   403   404   403   403   403   403   404   403   403   403   403   200   403   403
POST   /api/v1/settlements/:id/approve                | checked by another: a leader approves          | 401   403   403   403   403   403   404   403   403   403   403   404   200   200   403O  200   403   403   403
GET    /api/v1/settlements/:id                        | the money file's                               | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/settlements/:id/statement.pdf          | the money file's                               | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/recoveries                             | lists the money file's                         | 401   200+  200-  200+  200+  200+  200-  200+  200+  200+  200+  200-  200+  200+  200+  200+  200+  200+  200-
GET    /api/v1/recoveries/:id                         | the money file's                               | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
POST   /api/v1/recoveries/:id/receive                 | part of an open one                            | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   403   403
#
# Reconciliation and reports
POST   /api/v1/reconciliation/imports                 | a new statement                                | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   201   403   403
GET    /api/v1/reconciliation/imports                 | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/reconciliation/imports/:id             | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/reconciliation/template.csv            | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/reconciliation/template.xlsx           | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/reports/overdue                        | -                                              | 401   403   403   403   403   403   403   403   200   200   200   200   200   200   200   200   403   200   403
GET    /api/v1/reports/annual/:year                   | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   200   200   200   200   403
GET    /api/v1/reports/period                         | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   200   200   200   200   403
GET    /api/v1/exports/grants                         | -                                              | 401   403   403   403   403   403   403   403   403   403   403   403   403   403   403   403   200   200   403
GET    /api/v1/open-data/grants                       | open data, no login                            | 200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
#
# The programme (issue 20): the plan and the review's assessment by finance and leaders, read by staff; commendations by a leader
PUT    /api/v1/plans/:year                            | one line for the lead unit                     | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   200   200   200   403   403
GET    /api/v1/plans/:year                            | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
PUT    /api/v1/reports/annual/:year/narrative         | the four parts                                 | 401   403   403   403   403   403   403   403   403   403   403   403   403   200   200   200   200   403   403
POST   /api/v1/commendations                          | the lead unit, by a decision                   | 401   403   403   403   403   403   403   403   403   403   403   403   403   201   201   201   403   403   403
GET    /api/v1/commendations                          | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
#
# Official documents (văn bản): a file's papers for whoever sees the file; the register of outgoing documents for staff
GET    /api/v1/applications/:id/official-documents    | the money file's                               | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/applications/:id/official-documents/:type | the money file's decision                   | 401   200   404   200   200   200   404   200   200   200   200   404   200   200   200   200   200   200   404
GET    /api/v1/document-register                      | -                                              | 401   403   403   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200   200
`;

/** What one row's call acts on: ids made by `given`, read by `path`, `body` and `lists`. */
type Given = Record<string, string>;
type ListBody = { items: Array<{ id: string }> };

interface Call {
  /** Makes what the call acts on: a fresh record for a call that changes state. */
  given?: (w: World, who: Caller) => Promise<Given>;
  /**
   * Make `given` only for callers the row expects to succeed: the others are refused before the
   * record matters (a refusal that did not happen still fails the cell). For records that use up
   * a scarce thing, such as a fiscal year.
   */
  givenOnlyWhenGranted?: boolean;
  path: (w: World, g: Given, who: Caller) => string;
  body?: (w: World, g: Given, who: Caller) => object;
  /** A multipart upload instead of a JSON body. */
  upload?: (w: World) => { file: Buffer; filename: string; contentType: string; fields?: Record<string, string> };
  /** For a `200+`/`200-` cell: whether the answer lists the situation's record. */
  lists?: (body: ListBody, w: World, g: Given) => boolean;
}

const ABSENT = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase();
/**
 * Fiscal years no other test of the run has touched (they share the run's database): read once the
 * world is built. A year to close needs the next one free too, since closing opens it.
 */
const takenYears = new Set<number>();
// The matrix takes the years before the ones the other tests use (they use 2026 and later).
const FIRST_YEAR_OF_OTHER_TESTS = 2026;
function freeYear(): number {
  for (let year = 2000; year < FIRST_YEAR_OF_OTHER_TESTS; year++) {
    if (!takenYears.has(year)) {
      takenYears.add(year);
      return year;
    }
  }
  throw new Error('no free fiscal year left for the matrix');
}
function freeYearToClose(): number {
  for (let year = 2000; year + 1 < FIRST_YEAR_OF_OTHER_TESTS; year++) {
    if (!takenYears.has(year) && !takenYears.has(year + 1)) {
      takenYears.add(year).add(year + 1);
      return year;
    }
  }
  throw new Error('no free pair of fiscal years left for the matrix');
}

/**
 * The matrix's acting appointments (one acting head at a time) each take a day of their own, in a
 * year far from every test file's clock, so none acts on a day the matrix decides on.
 */
let actingDay = 0;
function nextActingDays(): { validFrom: string; validTo: string } {
  const day = new Date(Date.UTC(2089, 0, 1 + actingDay++)).toISOString().slice(0, 10);
  return { validFrom: day, validTo: day };
}

/**
 * The matrix's holidays fall on weekdays of a year no other test file counts due dates in (the
 * calendar file uses 2076), each call its own day.
 */
const HOLIDAY_YEAR = 2077;
let holidayDay = 0;
function nextHolidayDate(): string {
  for (;;) {
    const date = new Date(Date.UTC(HOLIDAY_YEAR, 0, 1 + holidayDay++));
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) return date.toISOString().slice(0, 10);
  }
}

/** Each rate the matrix records is of its own day, so none is a duplicate of another. */
let exchangeRateDay = 0;
const nextRateDay = () => new Date(Date.UTC(2000, 0, 1 + exchangeRateDay++)).toISOString().slice(0, 10);

/**
 * A fresh record for every caller but the anonymous one: the guard refuses a request without a
 * token before anything reads the id, so that call gets an absent id and no record is made.
 */
const fresh =
  (make: (w: World) => Promise<Given>) =>
  (w: World, who: Caller): Promise<Given> =>
    who === 'anon' ? Promise.resolve({ id: ABSENT, fileId: ABSENT }) : make(w);
/** A fresh disbursement is asked on the world's contracted file, small enough for all of them to fit its limits. */
const small = (w: World) => ({ fileId: w.files.paying, amount: '10000' });
const holds = (id: (w: World, g: Given) => string) => (body: ListBody, w: World, g: Given) => body.items.some((item) => item.id === id(w, g));
const ownEstablishment = (w: World, who: Caller) => (who === 'strg' ? w.establishments.strg.id : w.establishments.own.id);
/** A fresh establishment of the owner's with its classification declared (ready to be verified). */
const classifiedEstablishment = (w: World) =>
  must<{ id: string }>(
    w.t.http
      .post('/api/v1/establishments')
      .set(w.as.own.auth)
      .send({
        name: 'Hộ kinh doanh đan lát thử',
        kind: 'household_business',
        taxCode: uniqueTaxCode(),
        communeCode: '29263',
        address: 'Ấp Phú Vinh',
        representative: 'Nguyễn Thị Lan',
        phone: '0912345678',
        employees: 12,
        craftVillage: 'Làng nghề mây tre đan Phú Vinh',
        artisans: 1,
        womenWorkers: 9,
        disabledWorkers: 1,
      }),
    201,
    'a classified establishment',
  );
const fileBody = (w: World, _g: Given, who: Caller) =>
  sampleFileBody({ establishmentId: ownEstablishment(w, who), year: w.year, fundCode: w.fundCode, requestedSupport: SUPPORT });

/** One call open today for the world's fund and year, made once for the rows that read it. */
let openCallMade: Promise<Given> | undefined;
const openCall = (w: World): Promise<Given> =>
  (openCallMade ??= must(
    w.t.http.post('/api/v1/calls').set(w.as.lead.auth).send({ title: 'Đợt đang mở của bảng quyền', fiscalYear: w.year, fundCode: w.fundCode, activityTypeCodes: ['machinery'], opensOn: w.today, closesOn: w.tomorrow }),
    201,
    'an open call',
  ).then((body) => ({ id: String(body.id) })));
/** One list decision of the director's on an initialed file, made once for the rows that read it. */
let listDecisionMade: Promise<Given> | undefined;
const listDecision = (w: World): Promise<Given> =>
  (listDecisionMade ??= w.make
    .initialed()
    .then((id) => must(w.t.http.post('/api/v1/decisions').set(w.as.lead.auth).send({ applicationIds: [id], decisionNo: `${unique()}/QĐ-SCT` }), 201, 'a list decision'))
    .then((body) => ({ id: String(body.id) })));

/** How each row is called, by `route | situation` as in the table. */
const CALLS: Record<string, Call> = {
  'GET /health | -': { path: () => '/health' },
  'POST /api/v1/auth/register | a new producer': {
    path: () => '/api/v1/auth/register',
    body: () => ({ email: `reg${unique().toLowerCase()}@matrix.test.vn`, password: 'mat-khau-du-dai', fullName: 'Cơ sở thử' }),
  },
  'POST /api/v1/auth/login | a wrong password': { path: () => '/api/v1/auth/login', body: () => ({ email: 'nobody@matrix.test.vn', password: 'sai-mat-khau' }) },
  'POST /api/v1/auth/refresh | an unknown token': { path: () => '/api/v1/auth/refresh', body: () => ({ refreshToken: 'x'.repeat(43) }) },
  'POST /api/v1/auth/logout | an unknown token': { path: () => '/api/v1/auth/logout', body: () => ({ refreshToken: 'x'.repeat(43) }) },
  'GET /api/v1/me | -': { path: () => '/api/v1/me' },
  'GET /api/v1/notifications | -': { path: () => '/api/v1/notifications' },
  'POST /api/v1/notifications/read-all | -': { path: () => '/api/v1/notifications/read-all' },
  "POST /api/v1/notifications/:id/read | absent (or another's: the same 404)": { path: () => `/api/v1/notifications/${ABSENT}/read` },
  'GET /api/v1/me/notification-settings | -': { path: () => '/api/v1/me/notification-settings' },
  'PUT /api/v1/me/notification-settings | e-mail on, no digest': { path: () => '/api/v1/me/notification-settings', body: () => ({ email: true, digest: 'off' }) },
  'POST /api/v1/me/password | a wrong current password': {
    path: () => '/api/v1/me/password',
    body: () => ({ currentPassword: 'khong-dung-mat-khau', newPassword: 'mat-khau-moi-du-dai' }),
  },

  'POST /api/v1/units | a new office': { path: () => '/api/v1/units', body: () => ({ code: uniqueCode('MXU'), name: 'Văn phòng thử', kind: 'office' }) },
  'GET /api/v1/units | -': { path: () => '/api/v1/units' },
  'GET /api/v1/units/tree | -': { path: () => '/api/v1/units/tree' },
  'GET /api/v1/units/:id | the lead unit': { path: (w) => `/api/v1/units/${w.units.lead}` },
  'GET /api/v1/units/:id | absent': { path: () => `/api/v1/units/${ABSENT}` },
  'PATCH /api/v1/units/:id | a new office': {
    given: fresh(async (w) => ({ id: await w.make.unit('office') })),
    path: (w, g) => `/api/v1/units/${g.id}`,
    body: () => ({ name: 'Văn phòng đổi tên' }),
  },
  'POST /api/v1/units/:id/deactivate | a new, empty office': {
    given: fresh(async (w) => ({ id: await w.make.unit('office') })),
    path: (w, g) => `/api/v1/units/${g.id}/deactivate`,
  },
  'POST /api/v1/units/:id/activate | a deactivated office': {
    given: fresh(async (w) => ({ id: await w.make.unit('office', undefined, false) })),
    path: (w, g) => `/api/v1/units/${g.id}/activate`,
  },
  'POST /api/v1/users | a new officer': {
    path: () => '/api/v1/users',
    body: (w) => ({ email: `staff${unique().toLowerCase()}@matrix.test.vn`, password: 'mat-khau-du-dai', fullName: 'Cán bộ thử', unitId: w.units.lead, roles: ['officer'] }),
  },
  'GET /api/v1/users | -': { path: () => '/api/v1/users' },
  'GET /api/v1/users/:id | the responsible officer': { path: (w) => `/api/v1/users/${w.as.oAsg.id}` },
  'GET /api/v1/users/:id | absent': { path: () => `/api/v1/users/${ABSENT}` },
  'PATCH /api/v1/users/:id | a new officer': {
    given: fresh(async (w) => ({ id: await w.make.officer() })),
    path: (w, g) => `/api/v1/users/${g.id}`,
    body: () => ({ fullName: 'Cán bộ đổi tên' }),
  },
  'POST /api/v1/users/:id/reset-password | a new officer': {
    given: fresh(async (w) => ({ id: await w.make.officer() })),
    path: (w, g) => `/api/v1/users/${g.id}/reset-password`,
  },
  'POST /api/v1/users/:id/deactivate | a new officer': {
    given: fresh(async (w) => ({ id: await w.make.officer() })),
    path: (w, g) => `/api/v1/users/${g.id}/deactivate`,
  },
  'POST /api/v1/users/:id/activate | a deactivated officer': {
    given: fresh(async (w) => ({ id: await w.make.officer(false) })),
    path: (w, g) => `/api/v1/users/${g.id}/activate`,
  },
  "POST /api/v1/delegations | to the lead unit's head": {
    path: () => '/api/v1/delegations',
    body: (w) => ({ toUserId: w.as.hLead.id, validFrom: w.tomorrow, validTo: w.tomorrow, reason: 'Nghỉ phép' }),
  },
  "POST /api/v1/delegations | routine work, to a member of the caller's unit": {
    path: () => '/api/v1/delegations',
    body: (w, _g, who) => ({
      scope: 'routine',
      // Each head names someone of their own unit (hLead's for everyone else).
      toUserId: (who === 'hUp' ? w.centreOfficer : who === 'hOth' || who === 'hDlg' ? w.as.oOth : who === 'hCons' ? w.as.oCons : w.as.oUnit).id,
      validFrom: w.tomorrow,
      validTo: w.tomorrow,
      reason: 'Nghỉ phép',
    }),
  },
  'GET /api/v1/delegations | -': { path: () => '/api/v1/delegations' },
  "GET /api/v1/delegations/:id | from the leader to the lead unit's head": { path: (w) => `/api/v1/delegations/${w.leaderDelegationId}` },
  'GET /api/v1/delegations/:id | between two other people': { path: (w) => `/api/v1/delegations/${w.foreignDelegationId}` },
  "DELETE /api/v1/delegations/:id | the leader's own": {
    given: fresh(async (w) => ({ id: await w.make.delegation(w.as.lead, w.as.oAsg) })),
    path: (w, g) => `/api/v1/delegations/${g.id}`,
  },
  "DELETE /api/v1/delegations/:id | the lead unit head's routine one": {
    given: fresh(async (w) => ({ id: await w.make.delegation(w.as.hLead, w.as.oUnit, 'routine') })),
    path: (w, g) => `/api/v1/delegations/${g.id}`,
  },
  'DELETE /api/v1/delegations/:id | between two other people': { path: (w) => `/api/v1/delegations/${w.foreignDelegationId}` },
  'POST /api/v1/acting-appointments | a deputy director, days of its own': {
    path: () => '/api/v1/acting-appointments',
    body: (w) => ({ userId: w.as.dep.id, ...nextActingDays(), reason: 'Giám đốc nghỉ phép' }),
  },
  'GET /api/v1/acting-appointments | -': { path: () => '/api/v1/acting-appointments' },
  'DELETE /api/v1/acting-appointments/:id | one made for the call': {
    given: fresh(async (w) =>
      must<{ id: string }>(w.t.http.post('/api/v1/acting-appointments').set(w.as.adm.auth).send({ userId: w.as.dep.id, ...nextActingDays(), reason: 'Giám đốc đi học' }), 201, 'an acting appointment'),
    ),
    path: (w, g) => `/api/v1/acting-appointments/${g.id}`,
  },
  'GET /api/v1/audit | -': { path: () => '/api/v1/audit' },
  'GET /api/v1/audit/verify | -': { path: () => '/api/v1/audit/verify' },
  'GET /api/v1/admin-units | the provinces and cities': { path: () => '/api/v1/admin-units' },
  'GET /api/v1/admin-units | a province not in the list': { path: () => '/api/v1/admin-units?provinceCode=83' },
  "POST /api/v1/admin-units/import | a list refused whole (no change to the run's)": {
    path: () => '/api/v1/admin-units/import',
    upload: () => ({ file: Buffer.from('82\tprovince\tTỉnh Đồng Tháp\t\n29263\tward\tPhường Long Đức\t86\n'), filename: 'don-vi-hanh-chinh.tsv', contentType: 'text/tab-separated-values' }),
  },
  'GET /api/v1/exchange-rates | -': { path: () => '/api/v1/exchange-rates' },
  'POST /api/v1/exchange-rates | a rate of a pair no fund uses': {
    path: () => '/api/v1/exchange-rates',
    body: () => ({ fromCurrency: 'XMA', toCurrency: 'XMB', rate: '1.5', validFrom: nextRateDay() }),
  },
  'GET /api/v1/calendar/holidays | -': { path: (w) => `/api/v1/calendar/holidays?year=${HOLIDAY_YEAR}` },
  'POST /api/v1/calendar/holidays | a new weekday off': { path: () => '/api/v1/calendar/holidays', body: () => ({ date: nextHolidayDate(), name: 'Ngày nghỉ của bảng quyền' }) },
  'DELETE /api/v1/calendar/holidays/:date | a day added for the call': {
    given: fresh(async (w) => {
      const date = nextHolidayDate();
      await must(w.t.http.post('/api/v1/calendar/holidays').set(w.as.adm.auth).send({ date, name: 'Ngày nghỉ sẽ bỏ' }), 201, 'a holiday to remove');
      return { id: date };
    }),
    path: (w, g) => `/api/v1/calendar/holidays/${g.id}`,
  },

  'POST /api/v1/funds | a new fund': { path: () => '/api/v1/funds', body: () => ({ code: uniqueCode('MXF'), name: 'Quỹ thử', source: 'local', currency: 'VND' }) },
  'GET /api/v1/funds | -': { path: () => '/api/v1/funds' },
  'POST /api/v1/fiscal-years | a new year': {
    given: async () => ({ year: String(freeYear()) }),
    givenOnlyWhenGranted: true,
    path: () => '/api/v1/fiscal-years',
    // A refused caller asks for the matrix's own year, which exists: nothing could be opened by mistake.
    body: (w, g) => ({ year: Number(g.year ?? w.year) }),
  },
  'GET /api/v1/fiscal-years | -': { path: () => '/api/v1/fiscal-years' },
  'POST /api/v1/fiscal-years/:year/close | a new, empty year': {
    // Closing a year opens the next one: a pair of free years each time, so no two closes meet.
    given: fresh(async (w) => ({ year: String(await w.make.emptyYear(freeYearToClose())) })),
    givenOnlyWhenGranted: true,
    path: (w, g) => `/api/v1/fiscal-years/${g.year ?? 2099}/close`,
    body: () => ({ carryOverCommitments: false, carryOverAllocations: false }),
  },
  'POST /api/v1/appropriations | -': {
    path: () => '/api/v1/appropriations',
    body: (w) => ({ fundCode: w.fundCode, fiscalYear: w.year, amount: '1000000', decisionNo: `${unique()}/QĐ-UBND`, decisionDate: `${w.year}-01-10` }),
  },
  'POST /api/v1/allocations | to the lead unit': {
    path: () => '/api/v1/allocations',
    body: (w) => ({ fundCode: w.fundCode, fiscalYear: w.year, unitId: w.units.lead, amount: '1000000', decisionNo: `${unique()}/QĐ` }),
  },
  'POST /api/v1/allocations/split | between two divisions': {
    path: () => '/api/v1/allocations/split',
    body: (w) => ({
      fundCode: w.fundCode,
      fiscalYear: w.year,
      amount: '1000000',
      shares: [
        { unitId: w.units.lead, weight: 1 },
        { unitId: w.units.other, weight: 2 },
      ],
      decisionNo: `${unique()}/QĐ`,
    }),
  },
  'POST /api/v1/allocations/transfer | between two divisions': {
    path: () => '/api/v1/allocations/transfer',
    body: (w) => ({ fundCode: w.fundCode, fiscalYear: w.year, fromUnitId: w.units.lead, toUnitId: w.units.other, amount: '1000', reason: 'Điều chuyển thử' }),
  },
  'POST /api/v1/allocations/return | from the lead unit': {
    path: () => '/api/v1/allocations/return',
    body: (w) => ({ fundCode: w.fundCode, fiscalYear: w.year, unitId: w.units.lead, amount: '1000', reason: 'Hoàn trả thử' }),
  },
  'GET /api/v1/budget/summary | -': { path: (w) => `/api/v1/budget/summary?fiscalYear=${w.year}&fundCode=${w.fundCode}` },
  'GET /api/v1/ledger/transfers | -': { path: (w) => `/api/v1/ledger/transfers?fundCode=${w.fundCode}&pageSize=5` },
  'GET /api/v1/ledger/trial-balance | -': { path: (w) => `/api/v1/ledger/trial-balance?fiscalYear=${w.year}&fundCode=${w.fundCode}` },
  'POST /api/v1/ledger/transfers/:id/reverse | an allocation': {
    given: fresh(async (w) => {
      const body = { fundCode: w.fundCode, fiscalYear: w.year, unitId: w.units.lead, amount: '1000', decisionNo: `${unique()}/QĐ` };
      return { id: (await must(postMoney(w.t, w.fin2, '/allocations', body), 201, 'allocation')).id };
    }),
    path: (w, g) => `/api/v1/ledger/transfers/${g.id}/reverse`,
    body: () => ({ reason: 'Nhập nhầm' }),
  },
  'POST /api/v1/ledger/transfers/:id/reverse | a payment (corrected by a return instead)': {
    path: (w) => `/api/v1/ledger/transfers/${w.money.advanceTransferId}/reverse`,
    body: () => ({ reason: 'Kho bạc trả lại' }),
  },
  'GET /api/v1/ledger/reversal-requests | -': { path: () => '/api/v1/ledger/reversal-requests' },
  'GET /api/v1/ledger/reversal-requests/:id | -': { path: (w) => `/api/v1/ledger/reversal-requests/${w.reversalRequestId}` },
  'POST /api/v1/ledger/reversal-requests/:id/approve | asked by another finance user': {
    given: fresh(async (w) => ({ id: await w.make.reversalRequest(w.fin2) })),
    path: (w, g) => `/api/v1/ledger/reversal-requests/${g.id}/approve`,
  },
  'POST /api/v1/ledger/reversal-requests/:id/approve | asked by fin itself': {
    given: fresh(async (w) => ({ id: await w.make.reversalRequest(w.as.fin) })),
    path: (w, g) => `/api/v1/ledger/reversal-requests/${g.id}/approve`,
  },
  'POST /api/v1/ledger/reversal-requests/:id/reject | asked by another finance user': {
    given: fresh(async (w) => ({ id: await w.make.reversalRequest(w.fin2) })),
    path: (w, g) => `/api/v1/ledger/reversal-requests/${g.id}/reject`,
    body: () => ({ reason: 'Không đúng' }),
  },
  'POST /api/v1/ledger/reversal-requests/:id/reject | asked by fin itself': {
    given: fresh(async (w) => ({ id: await w.make.reversalRequest(w.as.fin) })),
    path: (w, g) => `/api/v1/ledger/reversal-requests/${g.id}/reject`,
    body: () => ({ reason: 'Không đúng' }),
  },

  "POST /api/v1/establishments | the caller's own": {
    path: () => '/api/v1/establishments',
    body: () => ({
      name: 'Tổ hợp tác thử',
      kind: 'cooperative_group',
      taxCode: uniqueTaxCode(),
      communeCode: '29263',
      address: 'Ấp Phú Thành',
      representative: 'Trần Thị Bình',
      phone: '0912345678',
      employees: 8,
    }),
  },
  "GET /api/v1/establishments | lists the owner's establishment": {
    path: (w) => `/api/v1/establishments?taxCode=${w.establishments.own.taxCode}`,
    lists: holds((w) => w.establishments.own.id),
  },
  "GET /api/v1/establishments/:id | the owner's establishment": { path: (w) => `/api/v1/establishments/${w.establishments.own.id}` },
  "PATCH /api/v1/establishments/:id | the owner's, a new count of women workers": {
    given: fresh(async (w) => ({ id: (await classifiedEstablishment(w)).id })),
    path: (w, g) => `/api/v1/establishments/${g.id}`,
    body: () => ({ womenWorkers: 5 }),
  },
  "POST /api/v1/establishments/:id/verify-classification | the owner's, classification declared": {
    given: fresh(async (w) => ({ id: (await classifiedEstablishment(w)).id })),
    path: (w, g) => `/api/v1/establishments/${g.id}/verify-classification`,
  },
  'GET /api/v1/activity-types | -': { path: () => '/api/v1/activity-types' },
  'GET /api/v1/activity-types/:code/versions | machinery': { path: () => '/api/v1/activity-types/machinery/versions' },
  'POST /api/v1/activity-types | a new code with eligibility conditions': {
    path: () => '/api/v1/activity-types',
    body: () => ({
      code: `mx_${unique().toLowerCase()}`,
      name: 'Hoạt động thử có điều kiện',
      supportRate: '0.5',
      supportCap: '100000000',
      advanceRate: '0.7',
      effectiveFrom: '2020-01-01',
      eligibility: { establishmentKinds: ['cooperative'], maxSupportPerEstablishmentPerYear: '100000000', requiresCommuneCode: true },
    }),
  },
  'POST /api/v1/calls | a new call': {
    path: () => '/api/v1/calls',
    body: (w) => ({ title: 'Đợt thử của bảng quyền', fiscalYear: w.year, fundCode: w.fundCode, activityTypeCodes: ['machinery'], opensOn: w.today, closesOn: w.tomorrow }),
  },
  'GET /api/v1/calls | lists the open call': {
    given: (w) => openCall(w),
    path: (w) => `/api/v1/calls?open=true&fiscalYear=${w.year}&pageSize=200`,
    lists: holds((_w, g) => g.id),
  },
  'GET /api/v1/calls/:id | the open call': { given: (w) => openCall(w), path: (_w, g) => `/api/v1/calls/${g.id}` },
  'GET /api/v1/calls/:id | absent': { path: () => `/api/v1/calls/${ABSENT}` },
  'POST /api/v1/activity-types | a new code': {
    path: () => '/api/v1/activity-types',
    body: () => ({ code: `mx_${unique().toLowerCase()}`, name: 'Hoạt động thử', supportRate: '0.5', supportCap: '100000000', advanceRate: '0.7', effectiveFrom: '2020-01-01' }),
  },

  "POST /api/v1/applications | for the caller's own establishment": { path: () => '/api/v1/applications', body: fileBody },
  'GET /api/v1/applications | lists the file in review': {
    path: (w) => `/api/v1/applications?q=${encodeURIComponent(w.titles.review)}&pageSize=200`,
    lists: holds((w) => w.files.review),
  },
  'GET /api/v1/applications | lists the intake file': {
    path: (w) => `/api/v1/applications?q=${encodeURIComponent(w.titles.intake)}&pageSize=200`,
    lists: holds((w) => w.files.intake),
  },
  'GET /api/v1/applications/:id | a draft': { path: (w) => `/api/v1/applications/${w.files.draft}` },
  'GET /api/v1/applications/:id | the intake file (submitted, unassigned)': { path: (w) => `/api/v1/applications/${w.files.intake}` },
  'GET /api/v1/applications/:id | the file in review (unit consulted)': { path: (w) => `/api/v1/applications/${w.files.review}` },
  'GET /api/v1/applications/:id | a file in review nobody consulted': { path: (w) => `/api/v1/applications/${w.files.quiet}` },
  'GET /api/v1/applications/:id | absent': { path: () => `/api/v1/applications/${ABSENT}` },
  "GET /api/v1/applications/:id/documents/:docId | the owner's, on the file in review": {
    path: (w) => `/api/v1/applications/${w.files.review}/documents/${w.documentId}`,
  },
  'GET /api/v1/consultations | lists the one on the file in review': {
    path: (w) => `/api/v1/consultations?applicationId=${w.files.review}&pageSize=200`,
    lists: holds((w) => w.consultationId),
  },
  'GET /api/v1/consultations/:id | the one on the file in review': { path: (w) => `/api/v1/consultations/${w.consultationId}` },

  'PATCH /api/v1/applications/:id | a draft': {
    given: fresh(async (w) => ({ id: await w.make.draft() })),
    path: (w, g) => `/api/v1/applications/${g.id}`,
    body: () => ({ title: 'Ứng dụng máy sấy lúa tiên tiến (sửa)' }),
  },
  'POST /api/v1/applications/:id/submit | a draft': {
    given: fresh(async (w) => ({ id: await w.make.completeDraft() })),
    path: (w, g) => `/api/v1/applications/${g.id}/submit`,
  },
  'POST /api/v1/applications/:id/withdraw | an intake file': {
    given: fresh(async (w) => ({ id: await w.make.submitted() })),
    path: (w, g) => `/api/v1/applications/${g.id}/withdraw`,
    body: () => ({ reason: 'Không thực hiện nữa' }),
  },
  'POST /api/v1/applications/:id/documents | the file in review': {
    path: (w) => `/api/v1/applications/${w.files.review}/documents`,
    upload: () => ({ file: PDF, filename: 'bien-ban.pdf', contentType: 'application/pdf', fields: { kind: 'minutes' } }),
  },

  'POST /api/v1/applications/:id/assign | an intake file: first assignment': {
    given: fresh(async (w) => ({ id: await w.make.submitted() })),
    path: (w, g) => `/api/v1/applications/${g.id}/assign`,
    body: (w) => ({ officerId: w.as.oAsg.id, leadUnitId: w.units.lead, dueDate: w.due }),
  },
  'POST /api/v1/applications/:id/assign | a file in review: another officer': {
    given: fresh(async (w) => ({ id: await w.make.review() })),
    path: (w, g) => `/api/v1/applications/${g.id}/assign`,
    body: (w) => ({ officerId: w.as.oUnit.id, leadUnitId: w.units.lead, dueDate: w.due }),
  },
  'POST /api/v1/applications/:id/assign | a file in review: another lead unit': {
    given: fresh(async (w) => ({ id: await w.make.review() })),
    path: (w, g) => `/api/v1/applications/${g.id}/assign`,
    body: (w) => ({ officerId: w.as.oOth.id, leadUnitId: w.units.other, dueDate: w.due, note: 'Chuyển phòng chủ trì' }),
  },
  'POST /api/v1/applications/:id/return | a file in review': {
    given: fresh(async (w) => ({ id: await w.make.review() })),
    path: (w, g) => `/api/v1/applications/${g.id}/return`,
    body: (w) => ({ reason: 'Bổ sung giấy phép kinh doanh', dueDate: w.due }),
  },
  'POST /api/v1/applications/:id/return | an intake file': {
    given: fresh(async (w) => ({ id: await w.make.submitted() })),
    path: (w, g) => `/api/v1/applications/${g.id}/return`,
    body: (w) => ({ reason: 'Bổ sung giấy phép kinh doanh', dueDate: w.due }),
  },
  'POST /api/v1/applications/:id/consultations | the file in review, to the consulted unit': {
    path: (w) => `/api/v1/applications/${w.files.review}/consultations`,
    body: (w) => ({ unitId: w.units.consulted, question: 'Đề nghị cho ý kiến', dueDate: w.due }),
  },
  'POST /api/v1/consultations/:id/answer | an open one, to the consulted unit': {
    given: fresh(async (w) => ({ id: await w.make.consultation(w.files.review) })),
    path: (w, g) => `/api/v1/consultations/${g.id}/answer`,
    body: () => ({ opinion: 'agree', comment: 'Thống nhất' }),
  },
  'POST /api/v1/consultations/:id/extension | an open one, to the consulted unit': {
    given: fresh(async (w) => ({ id: await w.make.consultation(w.files.review) })),
    path: (w, g) => `/api/v1/consultations/${g.id}/extension`,
    // A week after the consultation's due date.
    body: (w) => ({ newDueDate: new Date(Date.parse(`${w.due}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10), reason: 'Cần thêm thời gian' }),
  },
  'POST /api/v1/consultations/:id/extension | one whose request awaits its decision': {
    path: (w) => `/api/v1/consultations/${w.pendingExtensionId}/extension`,
    body: (w) => ({ newDueDate: new Date(Date.parse(`${w.due}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10), reason: 'Xin gia hạn lần hai' }),
  },
  'POST /api/v1/consultations/:id/extension/approve | a request awaiting its decision': {
    given: fresh(async (w) => ({ id: await w.make.extensionRequested(w.files.review) })),
    path: (w, g) => `/api/v1/consultations/${g.id}/extension/approve`,
    body: () => ({ reason: 'Đồng ý' }),
  },
  'POST /api/v1/consultations/:id/extension/approve | an open one, no request': {
    path: (w) => `/api/v1/consultations/${w.consultationId}/extension/approve`,
  },
  'POST /api/v1/consultations/:id/extension/reject | a request awaiting its decision': {
    given: fresh(async (w) => ({ id: await w.make.extensionRequested(w.files.review) })),
    path: (w, g) => `/api/v1/consultations/${g.id}/extension/reject`,
    body: () => ({ reason: 'Hồ sơ cần xử lý gấp' }),
  },
  'POST /api/v1/consultations/:id/extension/reject | an open one, no request': {
    path: (w) => `/api/v1/consultations/${w.consultationId}/extension/reject`,
  },
  'POST /api/v1/applications/:id/conflict-declarations | the file in review, none declared yet': {
    path: (w) => `/api/v1/applications/${w.files.review}/conflict-declarations`,
    body: () => ({ hasConflict: false, note: 'Không có quan hệ với cơ sở' }),
  },
  'GET /api/v1/applications/:id/conflict-declarations | the file in review': { path: (w) => `/api/v1/applications/${w.files.review}/conflict-declarations` },
  'POST /api/v1/applications/:id/appraisals | the file in review': {
    path: (w) => `/api/v1/applications/${w.files.review}/appraisals`,
    body: () => ({ score: 80, recommendation: 'approve', comment: 'Khả thi' }),
  },
  'POST /api/v1/applications/:id/recommend | an appraised file in review': {
    given: fresh(async (w) => ({ id: await w.make.appraised() })),
    path: (w, g) => `/api/v1/applications/${g.id}/recommend`,
    body: (w) => ({ approvedSupport: '10000000', allocationUnitId: w.units.lead, note: 'Đủ điều kiện' }),
  },
  'POST /api/v1/applications/:id/recommend | a file in review nobody appraised': {
    given: fresh(async (w) => ({ id: await w.make.review() })),
    path: (w, g) => `/api/v1/applications/${g.id}/recommend`,
    body: (w) => ({ approvedSupport: '10000000', allocationUnitId: w.units.lead, note: 'Đủ điều kiện' }),
  },
  'POST /api/v1/applications/:id/send-back | a recommended file': {
    given: fresh(async (w) => ({ id: await w.make.recommended() })),
    path: (w, g) => `/api/v1/applications/${g.id}/send-back`,
    body: () => ({ reason: 'Đề nghị làm rõ báo giá thiết bị' }),
  },
  'POST /api/v1/applications/:id/send-back | an initialed file': {
    given: fresh(async (w) => ({ id: await w.make.initialed() })),
    path: (w, g) => `/api/v1/applications/${g.id}/send-back`,
    body: () => ({ reason: 'Xem lại đơn vị cấp kinh phí' }),
  },
  'POST /api/v1/applications/:id/initial | a recommended file': {
    given: fresh(async (w) => ({ id: await w.make.recommended() })),
    path: (w, g) => `/api/v1/applications/${g.id}/initial`,
    body: () => ({}),
  },
  'POST /api/v1/applications/:id/decide | an initialed file': {
    given: fresh(async (w) => ({ id: await w.make.initialed() })),
    path: (w, g) => `/api/v1/applications/${g.id}/decide`,
    body: () => ({ decision: 'approve', decisionNo: `${unique()}/QĐ-SCT`, reason: 'Đồng ý' }),
  },
  'POST /api/v1/decisions | an initialed file': {
    given: fresh(async (w) => ({ id: await w.make.initialed() })),
    path: () => '/api/v1/decisions',
    body: (_w, g) => ({ applicationIds: [g.id], decisionNo: `${unique()}/QĐ-SCT`, comment: 'Đồng ý' }),
  },
  'GET /api/v1/decisions/:id | a list decision': { given: (w) => listDecision(w), path: (_w, g) => `/api/v1/decisions/${g.id}` },
  'GET /api/v1/decisions/:id | absent': { path: () => `/api/v1/decisions/${ABSENT}` },
  'POST /api/v1/applications/:id/cancel | an approved file': {
    given: fresh(async (w) => ({ id: await w.make.approved() })),
    path: (w, g) => `/api/v1/applications/${g.id}/cancel`,
    body: () => ({ reason: 'Cơ sở không thực hiện' }),
  },

  'POST /api/v1/applications/:id/contract | an approved file': {
    given: fresh(async (w) => ({ id: await w.make.approved() })),
    path: (w, g) => `/api/v1/applications/${g.id}/contract`,
    body: (w) => ({ contractNo: `${unique()}/HĐ-KC`, signedDate: w.today }),
  },
  'POST /api/v1/disbursements | an advance on a contracted file': {
    // The new disbursement is the fresh record; the file holds them all (small).
    path: () => '/api/v1/disbursements',
    body: (w) => ({ applicationId: w.files.paying, kind: 'advance', amount: '10000', note: 'Tạm ứng' }),
  },
  'POST /api/v1/applications/:id/acceptance | a contracted file': {
    given: fresh(async (w) => ({ id: await w.make.contracted() })),
    path: (w, g) => `/api/v1/applications/${g.id}/acceptance`,
    body: (w) => ({ result: 'passed', date: w.today, minutesNo: `${unique()}/BB-NT` }),
  },
  'GET /api/v1/disbursements | lists the paid advance': {
    path: (w) => `/api/v1/disbursements?applicationId=${w.money.fileId}&pageSize=200`,
    lists: holds((w) => w.money.advanceId),
  },
  'GET /api/v1/disbursements/:id | the paid advance': { path: (w) => `/api/v1/disbursements/${w.money.advanceId}` },
  'POST /api/v1/disbursements/:id/approve | asked by the responsible officer': {
    given: fresh(async (w) => ({ id: (await w.make.advance('requested', small(w))).id })),
    path: (w, g) => `/api/v1/disbursements/${g.id}/approve`,
  },
  'POST /api/v1/disbursements/:id/approve | asked by fin itself': {
    given: fresh(async (w) => ({ id: (await w.make.advance('requested', { ...small(w), by: w.as.fin })).id })),
    path: (w, g) => `/api/v1/disbursements/${g.id}/approve`,
  },
  'POST /api/v1/disbursements/:id/reject | asked': {
    given: fresh(async (w) => ({ id: (await w.make.advance('requested', small(w))).id })),
    path: (w, g) => `/api/v1/disbursements/${g.id}/reject`,
    body: () => ({ reason: 'Thiếu chứng từ' }),
  },
  'POST /api/v1/disbursements/:id/pay | approved by another finance user': {
    given: fresh(async (w) => ({ id: (await w.make.advance('approved', small(w))).id })),
    path: (w, g) => `/api/v1/disbursements/${g.id}/pay`,
    body: (w) => ({ treasuryRef: `KB-MX-${unique()}`, valueDate: w.today }),
  },
  'POST /api/v1/disbursements/:id/return | paid': {
    given: fresh(async (w) => ({ id: (await w.make.advance('paid', small(w))).id })),
    path: (w, g) => `/api/v1/disbursements/${g.id}/return`,
    body: (w) => ({ treasuryRef: `KB-MX-${unique()}`, valueDate: w.today, reason: 'Sai số tài khoản người thụ hưởng' }),
  },

  'POST /api/v1/applications/:id/settlement | an accepted file': {
    given: fresh(async (w) => ({ id: await w.make.accepted() })),
    path: (w, g) => `/api/v1/applications/${g.id}/settlement`,
    body: () => ({ actualCostLines: [{ description: 'Máy sấy lúa 10 tấn/mẻ', amount: '20000000', eligible: true, documentRef: 'HĐ GTGT 0002' }] }),
  },
  'POST /api/v1/settlements/:id/approve | submitted: finance checks': {
    given: fresh(async (w) => ({ id: (await w.make.settlement('submitted')).id })),
    path: (w, g) => `/api/v1/settlements/${g.id}/approve`,
  },
  'POST /api/v1/settlements/:id/approve | checked by another: a leader approves': {
    given: fresh(async (w) => ({ id: (await w.make.settlement('checked')).id })),
    path: (w, g) => `/api/v1/settlements/${g.id}/approve`,
  },
  "GET /api/v1/settlements/:id | the money file's": { path: (w) => `/api/v1/settlements/${w.money.settlementId}` },
  "GET /api/v1/settlements/:id/statement.pdf | the money file's": { path: (w) => `/api/v1/settlements/${w.money.settlementId}/statement.pdf` },
  "GET /api/v1/recoveries | lists the money file's": {
    path: (w) => `/api/v1/recoveries?applicationId=${w.money.fileId}&pageSize=200`,
    lists: holds((w) => w.money.recoveryId),
  },
  "GET /api/v1/recoveries/:id | the money file's": { path: (w) => `/api/v1/recoveries/${w.money.recoveryId}` },
  "GET /api/v1/applications/:id/official-documents | the money file's": { path: (w) => `/api/v1/applications/${w.money.fileId}/official-documents` },
  "GET /api/v1/applications/:id/official-documents/:type | the money file's decision": { path: (w) => `/api/v1/applications/${w.money.fileId}/official-documents/decision` },
  'GET /api/v1/document-register | -': { path: () => '/api/v1/document-register' },
  'POST /api/v1/recoveries/:id/receive | part of an open one': {
    // A receipt is the new record: 1.000 đồng of the 5.000.000 owed, so the recovery stays open.
    path: (w) => `/api/v1/recoveries/${w.money.recoveryId}/receive`,
    body: (w) => ({ amount: '1000', treasuryRef: `KB-THU-${unique()}`, valueDate: w.today }),
  },

  'POST /api/v1/reconciliation/imports | a new statement': {
    path: () => '/api/v1/reconciliation/imports',
    upload: () => ({ file: statement(), filename: 'sao-ke.csv', contentType: 'text/csv' }),
  },
  'GET /api/v1/reconciliation/imports | -': { path: () => '/api/v1/reconciliation/imports' },
  'GET /api/v1/reconciliation/imports/:id | -': { path: (w) => `/api/v1/reconciliation/imports/${w.importId}` },
  'GET /api/v1/reconciliation/template.csv | -': { path: () => '/api/v1/reconciliation/template.csv' },
  'GET /api/v1/reconciliation/template.xlsx | -': { path: () => '/api/v1/reconciliation/template.xlsx' },
  'GET /api/v1/reports/overdue | -': { path: () => '/api/v1/reports/overdue' },
  'GET /api/v1/reports/annual/:year | -': { path: (w) => `/api/v1/reports/annual/${w.year}?format=json` },
  'GET /api/v1/reports/period | -': { path: (w) => `/api/v1/reports/period?from=${w.year}-01-01&to=${w.year}-12-31&format=json` },
  'GET /api/v1/exports/grants | -': { path: (w) => `/api/v1/exports/grants?fiscalYear=${w.year}` },
  'PUT /api/v1/plans/:year | one line for the lead unit': {
    path: (w) => `/api/v1/plans/${w.year}`,
    body: (w) => ({ items: [{ activityTypeCode: 'machinery', unitId: w.units.lead, fundCode: w.fundCode, plannedCount: 2, plannedBudget: '600000000' }] }),
  },
  'GET /api/v1/plans/:year | -': { path: (w) => `/api/v1/plans/${w.year}` },
  'PUT /api/v1/reports/annual/:year/narrative | the four parts': {
    path: (w) => `/api/v1/reports/annual/${w.year}/narrative`,
    body: () => ({ results: 'Kết quả', difficulties: 'Khó khăn', causes: 'Nguyên nhân', proposals: 'Đề xuất' }),
  },
  'POST /api/v1/commendations | the lead unit, by a decision': {
    path: () => '/api/v1/commendations',
    body: (w) => ({ fiscalYear: w.year, unitId: w.units.lead, form: 'Giấy khen của Giám đốc Sở', decisionNo: `${unique()}/QĐ-SCT`, decisionDate: w.today, reason: 'Hoàn thành tốt nhiệm vụ' }),
  },
  'GET /api/v1/commendations | -': { path: (w) => `/api/v1/commendations?fiscalYear=${w.year}` },
  'GET /api/v1/open-data/grants | open data, no login': { path: (w) => `/api/v1/open-data/grants?fiscalYear=${w.year}` },
};

/** One cell: the status, and what else it says (the 403's code, or whether a list holds the record). */
interface Expectation {
  status: number;
  code?: 'FORBIDDEN' | 'NOT_ASSIGNED' | 'OUT_OF_SCOPE';
  listed?: boolean;
}

interface Row {
  route: string;
  situation: string;
  key: string;
  cells: Record<Caller, string>;
}

function parseCell(cell: string, where: string): Expectation {
  const match = /^([1-5]\d\d)(N|O|\*|\+|-)?$/.exec(cell);
  if (!match) throw new Error(`${where}: cell "${cell}" is not a status with an optional N, O, *, + or -`);
  const status = Number(match[1]);
  const mark = match[2];
  if ((mark === 'N' || mark === 'O' || mark === '*') && status !== 403) throw new Error(`${where}: "${cell}": N, O and * mark a 403`);
  if (status === 403) return { status, ...(mark === '*' ? {} : { code: mark === 'N' ? 'NOT_ASSIGNED' : mark === 'O' ? 'OUT_OF_SCOPE' : 'FORBIDDEN' }) };
  if (mark === '+' || mark === '-') return { status, listed: mark === '+' };
  return { status };
}

/** The table read: one row per (route, situation), one cell per caller. Malformed lines stop the file. */
function parseMatrix(text: string): Row[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const parts = line.split('|').map((p) => p.trim());
      if (parts.length !== 3) throw new Error(`matrix line "${line}": route | situation | cells`);
      const [route, situation, cellText] = [parts[0].replace(/\s+/, ' '), parts[1], parts[2].split(/\s+/)];
      if (cellText.length !== CALLERS.length) throw new Error(`matrix line "${line}": ${cellText.length} cells for ${CALLERS.length} callers`);
      cellText.forEach((cell, i) => parseCell(cell, `${route} | ${situation} as ${CALLERS[i]}`));
      const cells = Object.fromEntries(CALLERS.map((who, i) => [who, cellText[i]])) as Record<Caller, string>;
      return { route, situation, key: `${route} | ${situation}`, cells };
    });
}

const ROWS = parseMatrix(MATRIX);

/**
 * The records the cells act on, made before any cell runs, a few at a time (the factories walk
 * files through the API and most of their time is the database's): one fresh record per cell.
 */
async function prepareRecords(w: World, cells: ReadonlyArray<readonly [string, Row, Caller]>): Promise<Map<string, Given>> {
  const prepared = new Map<string, Given>();
  const granted = (row: Row, who: Caller) => parseCell(row.cells[who], row.key).status < 300;
  const todo = cells.filter(([, row, who]) => CALLS[row.key]?.given && (!CALLS[row.key].givenOnlyWhenGranted || granted(row, who)));
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const [name, row, who] = todo[next++];
      prepared.set(name, await CALLS[row.key].given!(w, who));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return prepared;
}

async function callAs(w: World, row: Row, who: Caller, given: Given) {
  const call = CALLS[row.key];
  if (!call) throw new Error(`no call for "${row.key}"`);
  const [method] = row.route.split(' ');
  let req = w.t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](call.path(w, given, who));
  if (who !== 'anon') req = req.set(w.as[who].auth);
  if (method !== 'GET') req = req.set('Idempotency-Key', randomUUID());
  if (call.upload) {
    const upload = call.upload(w);
    for (const [name, value] of Object.entries(upload.fields ?? {})) req = req.field(name, value);
    req = req.attach('file', upload.file, { filename: upload.filename, contentType: upload.contentType });
  } else if (call.body) {
    req = req.send(call.body(w, given, who));
  }
  return { res: await req, call };
}

describe('access matrix: every route, every caller, every relation to the record', () => {
  const cases = ROWS.flatMap((row) => CALLERS.map((who) => [`${row.route} — ${row.situation} — as ${who} → ${row.cells[who]}`, row, who] as const));
  const w = {} as World;
  let records = new Map<string, Given>();
  beforeAll(async () => {
    Object.assign(w, await buildWorld(await startTestApp()));
    const years: Array<{ year: number }> = (await w.t.http.get('/api/v1/fiscal-years').set(w.as.fin.auth).expect(200)).body;
    for (const { year } of years) takenYears.add(year);
    records = await prepareRecords(w, cases);
  }, 180_000);
  afterAll(() => w.t?.close());

  it.each(cases)('%s', async (name, row, who) => {
    const expected = parseCell(row.cells[who], row.key);
    const given = records.get(name) ?? {};
    const { res, call } = await callAs(w, row, who, given);
    const actual: Expectation = { status: res.status };
    if (expected.code) actual.code = res.body?.code;
    if (expected.listed !== undefined && res.status < 300) actual.listed = call.lists!(res.body, w, given);
    // A refusal's detail is shown beside both sides (so a failure says why) and never decides.
    const detail = res.status >= 400 ? { detail: res.body?.detail } : {};
    expect({ ...actual, ...detail }).toEqual({ ...expected, ...detail });
    if (res.status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(res.status);
    }
  });

  it('has a row for every route the router serves, and names no route it does not serve', () => {
    const served = registeredRoutes(w.t.app).filter((route) => /^\S+ \/(api\/v1\/|health$)/.test(route));
    const inTable = [...new Set(ROWS.map((row) => row.route))];
    expect({ withoutRow: served.filter((r) => !inTable.includes(r)), notServed: inTable.filter((r) => !served.includes(r)) }).toEqual({ withoutRow: [], notServed: [] });
  });

  it('knows how to call every row, and every call has its row', () => {
    const keys = ROWS.map((row) => row.key);
    expect({
      withoutCall: keys.filter((key) => !CALLS[key]),
      withoutRow: Object.keys(CALLS).filter((key) => !keys.includes(key)),
      twice: keys.filter((key, i) => keys.indexOf(key) !== i),
      listRowsWithoutLists: ROWS.filter((row) => Object.values(row.cells).some((c) => /[+-]$/.test(c)) && !CALLS[row.key]?.lists).map((r) => r.key),
    }).toEqual({ withoutCall: [], withoutRow: [], twice: [], listRowsWithoutLists: [] });
  });
});
