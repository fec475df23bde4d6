package org.karvan.server;

/** A saved scenario as the API returns it, for the OpenAPI document. */
public record SavedScenarioDoc(
    String id,
    String name,
    String description,
    int version,
    String createdAt,
    String updatedAt,
    Object scenario) {}
