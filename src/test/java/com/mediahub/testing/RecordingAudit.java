package com.mediahub.testing;

import java.util.ArrayList;
import java.util.List;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.AuditRecord;
import com.mediahub.audit.SecurityAudit;

/** The audit of a unit test: remembers what was recorded instead of logging it. */
public final class RecordingAudit extends SecurityAudit {

    public final List<AuditRecord> records = new ArrayList<>();

    @Override
    public void record(AuditEvent event, Long userId, Long sessionId) {
        records.add(new AuditRecord(event, userId, sessionId));
    }

    public List<AuditEvent> events() {
        return records.stream().map(AuditRecord::event).toList();
    }
}
