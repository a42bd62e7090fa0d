package io.mcpruntime.sql.dialect;

/** What the object search finds; lower case because clients write them so (and the catalog queries return them). */
public enum ObjectKind { table, view, procedure, column }
