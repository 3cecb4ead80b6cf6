package vn.docaxis.edxml;

import java.util.List;

/** {@code OtherInfo}: priority (độ khẩn), circulation, copies, pages, appendixes. */
public record OtherInfo(String priority, String sphereOfPromulgation, String typerNotation, String promulgationAmount,
                        String pageAmount, String direction, List<String> appendixes) {
}
