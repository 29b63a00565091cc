package org.askonce.knowledge;

/**
 * The element of a service guide a citizen can ask for. {@link #OVERVIEW} means no particular
 * element: a short summary of the key facts.
 */
public enum Element {
    MATERIALS("材料"),
    TIME_LIMIT("办理时限"),
    FEE("收费"),
    LOCATION("办理地点"),
    HOURS("办公时间"),
    PHONE("咨询电话"),
    PROCESS("办理流程"),
    ONLINE("网上办理"),
    CONDITIONS("受理条件"),
    OVERVIEW("概况");

    private final String label;

    Element(String label) {
        this.label = label;
    }

    /** The Chinese label citizens see, e.g. in "还可以问：材料、办理时限…". */
    public String label() {
        return label;
    }
}
