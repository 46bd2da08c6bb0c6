/**
 * Published policy versions and what changed between them: {@link io.policybot.versions.ContentPublisher} stores
 * each new version's section hashes, {@link io.policybot.versions.ContentChanges} compares two versions per language.
 */
package io.policybot.versions;
