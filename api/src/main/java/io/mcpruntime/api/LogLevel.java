package io.mcpruntime.api;

/** The MCP (syslog) log levels, from least to most severe. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY
}
