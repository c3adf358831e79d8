/**
 * How insights keeps its figures: observers of the other modules' events (after commit) that
 * increment daily rollups, the coverage snapshot job, the rebuild, the dashboard queries, and the
 * audit of staff actions. Nothing here is exported.
 */
package dev.latchkey.insights.internal;
