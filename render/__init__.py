"""Turn stored records into what people read: digests, action logs, agenda packs, calendars."""
