package dev.baton.linter.graph;

/** Where a node of the handoff graph was read from. */
public enum Framework {
    BATON, LANGCHAIN4J, LANGCHAIN4J_AGENTIC, SPRING_AI, GOOGLE_ADK, EMBABEL, JAKARTA_AGENTIC, MODEL_CLIENT, LANGGRAPH4J, SCHEMA
}
