from cms.pagecache import site_changed


class ChangesPublicPages:
    """For admins of anything readers see: every write tells the page cache the site changed."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        site_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        site_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        site_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        site_changed()
